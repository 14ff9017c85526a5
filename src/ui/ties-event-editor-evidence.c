/* ties-event-editor-evidence.c: the event editor's evidence rows: each
 * quote in its context and source, with buttons to show it, re-attach an
 * orphan and remove it, and the signals that ask the window to show or
 * re-attach
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-event-editor-private.h"

enum {
  SHOW_EVIDENCE,
  REATTACH_EVIDENCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Evidence: each item shows its quote in context, where it came from and
 * whether it is still found there. An orphaned item keeps its words on
 * screen, as stored, until it is re-attached by hand: nothing here (or
 * anywhere) moves it to other text by itself. */

/* Runs of white space (a line break in the source) as one space: the
 * row is a line of prose, not the source's layout. */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  if (space)
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

/* A prefix or suffix is cut at a fixed number of characters, often in
 * the middle of a word: when it has other words, the broken one goes. */
static void
drop_broken_word (char     *context,
                  gboolean  at_start)
{
  char *space;

  if (at_start)
    {
      space = strchr (context, ' ');
      if (space != NULL && space != context && space[1] != '\0')
        memmove (context, space + 1, strlen (space + 1) + 1);
    }
  else
    {
      space = strrchr (context, ' ');
      if (space != NULL && space != context && space[1] != '\0')
        space[0] = '\0';
    }
}

/* "…prefix <b>exact</b> suffix…", the context dim. */
static char *
evidence_markup (TiesEventEditor *self,
                 TiesEvidence    *evidence)
{
  g_autofree char *prefix = collapse_space (ties_evidence_get_prefix (evidence));
  g_autofree char *exact = collapse_space (ties_evidence_get_exact (evidence));
  g_autofree char *suffix = collapse_space (ties_evidence_get_suffix (evidence));
  TiesSource *source;
  gboolean more_before;
  gboolean more_after;

  g_assert (TIES_IS_EVENT_EDITOR (self));
  g_assert (TIES_IS_EVIDENCE (evidence));

  source = self->document != NULL
           ? ties_document_lookup_source (self->document, ties_evidence_get_source (evidence))
           : NULL;

  /* An ellipsis says the source goes on; at its very start or end, where
   * the selector says the quote stands, it does not. */
  more_before = prefix[0] != '\0'
                && (glong) ties_evidence_get_start (evidence) != g_utf8_strlen (ties_evidence_get_prefix (evidence), -1);
  more_after = suffix[0] != '\0'
               && (source == NULL
                   || (glong) ties_evidence_get_end (evidence) + g_utf8_strlen (ties_evidence_get_suffix (evidence), -1)
                      < ties_source_get_text_length (source));
  if (more_before)
    drop_broken_word (prefix, TRUE);
  if (more_after)
    drop_broken_word (suffix, FALSE);

  return g_markup_printf_escaped ("<span alpha=\"55%%\">%s%s</span><b>%s</b><span alpha=\"55%%\">%s%s</span>",
                                  more_before ? "…" : "", prefix,
                                  exact,
                                  suffix, more_after ? "…" : "");
}

static TiesEvidence *
evidence_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "evidence");
}

static void
on_show_evidence_clicked (TiesEventEditor *self,
                          GtkButton       *button)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  g_signal_emit (self, signals[SHOW_EVIDENCE], 0, evidence_of (GTK_WIDGET (button)));
}

static void
on_reattach_evidence_clicked (TiesEventEditor *self,
                              GtkButton       *button)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  g_signal_emit (self, signals[REATTACH_EVIDENCE], 0, evidence_of (GTK_WIDGET (button)));
}

static void
on_remove_evidence_clicked (TiesEventEditor *self,
                            GtkButton       *button)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));
  g_assert (GTK_IS_BUTTON (button));

  if (self->event != NULL)
    ties_event_editor_remove_evidence (self, evidence_of (GTK_WIDGET (button)));
}

static void
on_evidence_row_activated (TiesEventEditor *self,
                           GtkListBoxRow   *row)
{
  TiesEvidence *evidence = evidence_of (GTK_WIDGET (row));

  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (evidence != NULL)
    g_signal_emit (self, signals[SHOW_EVIDENCE], 0, evidence);
}

static GtkWidget *
create_evidence_button (TiesEventEditor *self,
                        TiesEvidence    *evidence,
                        const char      *icon_name,
                        const char      *label,
                        const char      *tooltip,
                        const char      *accessible_name,
                        const char      *widget_name,
                        GCallback        clicked)
{
  GtkWidget *button = gtk_button_new ();

  g_assert (TIES_IS_EVENT_EDITOR (self));

  /* A word for what is out of the ordinary (re-attaching), icons for
   * what every row has. */
  if (label != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (button), label);
      gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
      gtk_widget_add_css_class (button, "flat");
    }

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  gtk_widget_set_name (button, widget_name);
  g_object_set_data_full (G_OBJECT (button), "evidence", g_object_ref (evidence), g_object_unref);
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);

  return button;
}

/* (Re)fills @row for its evidence: the item may change under it, when its
 * source's text is corrected or it is re-attached. */
static void
fill_evidence_row (TiesEventEditor *self,
                   GtkListBoxRow   *row)
{
  TiesEvidence *evidence = evidence_of (GTK_WIDGET (row));
  TiesEvidenceStatus status = ties_evidence_get_status (evidence);
  TiesSource *source;
  const char *source_title;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *name = NULL;
  GtkWidget *box;
  GtkWidget *text;
  GtkWidget *label;
  GtkWidget *buttons;

  g_assert (TIES_IS_EVENT_EDITOR (self));
  g_assert (TIES_IS_EVIDENCE (evidence));

  source = self->document != NULL
           ? ties_document_lookup_source (self->document, ties_evidence_get_source (evidence))
           : NULL;
  if (source != NULL && ties_source_get_title (source) != NULL && ties_source_get_title (source)[0] != '\0')
    source_title = ties_source_get_title (source);
  else
    source_title = ties_evidence_get_source (evidence) != NULL ? ties_evidence_get_source (evidence) : "";

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);

  if (status == TIES_EVIDENCE_REANCHORED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("find-location-symbolic");
      const char *tip = _("Re-anchored: the passage was found elsewhere in the source and its position was corrected");

      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (icon, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_box_append (GTK_BOX (box), icon);
    }

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  markup = evidence_markup (self, evidence);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (label, "quote");
  gtk_box_append (GTK_BOX (text), label);

  label = gtk_label_new (source_title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, "source");
  gtk_box_append (GTK_BOX (text), label);

  if (status == TIES_EVIDENCE_ORPHANED)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (line, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      gtk_box_append (GTK_BOX (line), icon);
      label = gtk_label_new (_("Not found in the source text"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_name (label, "status");
      gtk_widget_set_tooltip_text (line, _("Orphaned: the passage cannot be found in the source"));
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (text), line);
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), buttons);

  if (status == TIES_EVIDENCE_ORPHANED)
    gtk_box_append (GTK_BOX (buttons),
                    create_evidence_button (self, evidence, NULL,
                                            _("Re-_attach…"),
                                            _("Select the passage in the source that this evidence stands for"),
                                            _("Re-attach Evidence"), "reattach",
                                            G_CALLBACK (on_reattach_evidence_clicked)));
  gtk_box_append (GTK_BOX (buttons),
                  create_evidence_button (self, evidence, "go-jump-symbolic", NULL,
                                          _("Show in Source"), _("Show Evidence in Source"), "show",
                                          G_CALLBACK (on_show_evidence_clicked)));
  gtk_box_append (GTK_BOX (buttons),
                  create_evidence_button (self, evidence, "user-trash-symbolic", NULL,
                                          _("Remove Evidence"), _("Remove Evidence"), "remove",
                                          G_CALLBACK (on_remove_evidence_clicked)));

  gtk_list_box_row_set_child (row, box);

  /* What a screen reader says for the row: the words, then where from. */
  plain = collapse_space (ties_evidence_get_exact (evidence));
  /* Translators: an evidence row's name; %s is a quotation, then a source's title */
  name = g_strdup_printf (_("“%s”, %s"), plain, source_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (status == TIES_EVIDENCE_ORPHANED)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Not found in the source text"),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_evidence_notify (GtkListBoxRow *row)
{
  GtkWidget *widget = GTK_WIDGET (row);
  TiesEventEditor *self;

  self = TIES_EVENT_EDITOR (gtk_widget_get_ancestor (widget, TIES_TYPE_EVENT_EDITOR));
  if (self != NULL)
    fill_evidence_row (self, row);
}

GtkWidget *
_ties_event_editor_create_evidence_row (gpointer item,
                                        gpointer user_data)
{
  TiesEventEditor *self = user_data;
  TiesEvidence *evidence = item;
  GtkWidget *row;

  g_assert (TIES_IS_EVENT_EDITOR (self));
  g_assert (TIES_IS_EVIDENCE (evidence));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "evidence", g_object_ref (evidence), g_object_unref);
  fill_evidence_row (self, GTK_LIST_BOX_ROW (row));
  g_signal_connect_object (evidence, "notify", G_CALLBACK (on_evidence_notify), row, G_CONNECT_SWAPPED);

  return row;
}

/* A source's title or text changed: every row says it again. */
void
_ties_event_editor_on_document_parts_changed (TiesEventEditor    *self,
                                              TiesDocumentChange  changes,
                                              TiesDocument       *document)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));
  g_assert (TIES_IS_DOCUMENT (document));

  if ((changes & TIES_DOCUMENT_CHANGE_SOURCES) == 0 || self->event == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && evidence_of (row) != NULL)
      fill_evidence_row (self, GTK_LIST_BOX_ROW (row));
}


void
_ties_event_editor_evidence_class_init (TiesEventEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * TiesEventEditor::show-evidence:
   * @evidence: an evidence item of the edited event
   *
   * The user asked to see @evidence in its source (its row, or its
   * button): the window scrolls the reader to it.
   */
  signals[SHOW_EVIDENCE] =
    g_signal_new ("show-evidence",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVIDENCE);

  /**
   * TiesEventEditor::reattach-evidence:
   * @evidence: an orphaned evidence item of the edited event
   *
   * The user will select the passage that @evidence stands for: the
   * window lets the reader's next selection re-attach it.
   */
  signals[REATTACH_EVIDENCE] =
    g_signal_new ("reattach-evidence",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVIDENCE);

  gtk_widget_class_bind_template_callback (widget_class, on_evidence_row_activated);
}
