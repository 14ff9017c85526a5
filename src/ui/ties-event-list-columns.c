/* ties-event-list-columns.c: what each column of the event list shows of
 * its event, and how it orders the events
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "ties-event-list-private.h"
#include "ties-mentions.h"
#include "ties-ui-util.h"

/* Short names inside this file. */
typedef TiesEventListColumn Column;
#define COLUMN_DATE         TIES_EVENT_LIST_COLUMN_DATE
#define COLUMN_TITLE        TIES_EVENT_LIST_COLUMN_TITLE
#define COLUMN_KIND         TIES_EVENT_LIST_COLUMN_KIND
#define COLUMN_PARTICIPANTS TIES_EVENT_LIST_COLUMN_PARTICIPANTS
#define COLUMN_PLACE        TIES_EVENT_LIST_COLUMN_PLACE
#define COLUMN_EVIDENCE     TIES_EVENT_LIST_COLUMN_EVIDENCE
#define N_COLUMNS           TIES_EVENT_LIST_N_COLUMNS

struct _TiesEventColumns
{
  TiesEventList      *list;                   /* unowned: owns this */
  GtkListItemFactory *factories[N_COLUMNS];
  GtkSorter          *sorters[N_COLUMNS];
  GHashTable         *cells;                  /* Cell * bound to an event */
};

/* One cell of the column view, bound to one event at a time. */
typedef struct
{
  TiesEventColumns *columns;      /* unowned; NULL once the list is disposed */
  GtkListItem      *list_item;    /* unowned: owns the cell */
  Column            column;
  TiesEvent        *event;
  gulong            notify_id;
  gulong            evidence_id;
  GPtrArray        *watched;      /* TiesEvidence whose status is shown */
} Cell;

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

const char *
_ties_event_list_actor_name (TiesEventList *self,
                             const char    *actor_id)
{
  TiesDocument *document = ties_event_list_get_document (self);

  return document != NULL ? ties_document_get_actor_name (document, actor_id) : actor_id;
}

static char *
participants_text (TiesEventList *self,
                   TiesEvent     *event)
{
  const char * const *participants = ties_event_get_participants (event);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, _ties_event_list_actor_name (self, participants[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
_ties_event_list_kind_label (TiesEventList *self,
                             const char    *kind_id)
{
  TiesDocument *document = ties_event_list_get_document (self);
  TiesEventKind *kind;

  if (kind_id == NULL)
    return "";

  if (document != NULL)
    kind = ties_document_lookup_event_kind (document, kind_id);
  else
    kind = ties_event_kind_lookup_builtin (kind_id);

  if (kind != NULL && ties_event_kind_get_label (kind) != NULL)
    return ties_event_kind_get_label (kind);

  return kind_id;
}

static guint
count_orphaned (TiesEvent *event)
{
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  guint n = g_list_model_get_n_items (evidence);
  guint orphaned = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);

      if (ties_evidence_get_status (item) == TIES_EVIDENCE_ORPHANED)
        orphaned++;
    }

  return orphaned;
}

/* ------------------------------------------------------------------------ */
/* Sorting                                                                  */

int
_ties_event_list_compare_text (const char *a,
                               const char *b)
{
  gboolean a_empty = a == NULL || *a == '\0';
  gboolean b_empty = b == NULL || *b == '\0';

  /* Empty cells last, like undated events. */
  if (a_empty || b_empty)
    return a_empty - b_empty;

  return ties_text_collate (a, b);
}

static int
order (int result)
{
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_date (gconstpointer a,
              gconstpointer b,
              gpointer      user_data G_GNUC_UNUSED)
{
  return order (ties_date_compare (ties_event_get_parsed_date ((TiesEvent *) a),
                                   ties_event_get_parsed_date ((TiesEvent *) b)));
}

static int
compare_title (gconstpointer a,
               gconstpointer b,
               gpointer      user_data G_GNUC_UNUSED)
{
  return order (_ties_event_list_compare_text (ties_event_get_title ((TiesEvent *) a),
                                               ties_event_get_title ((TiesEvent *) b)));
}

static int
compare_kind (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  TiesEventList *self = user_data;
  const char *label_a = _ties_event_list_kind_label (self, ties_event_get_kind ((TiesEvent *) a));
  const char *label_b = _ties_event_list_kind_label (self, ties_event_get_kind ((TiesEvent *) b));

  return order (_ties_event_list_compare_text (label_a, label_b));
}

static int
compare_participants (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  TiesEventList *self = user_data;
  g_autofree char *text_a = participants_text (self, (TiesEvent *) a);
  g_autofree char *text_b = participants_text (self, (TiesEvent *) b);

  return order (_ties_event_list_compare_text (text_a, text_b));
}

static int
compare_place (gconstpointer a,
               gconstpointer b,
               gpointer      user_data G_GNUC_UNUSED)
{
  return order (_ties_event_list_compare_text (ties_event_get_place ((TiesEvent *) a),
                                               ties_event_get_place ((TiesEvent *) b)));
}

static int
compare_evidence (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data G_GNUC_UNUSED)
{
  guint n_a = g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence ((TiesEvent *) a)));
  guint n_b = g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence ((TiesEvent *) b)));

  return order ((n_a > n_b) - (n_a < n_b));
}

/* What each column's order depends on besides the event's own
 * properties: an event edited in place comes from the document as
 * "items-changed" for its position alone, and the sort model places that
 * one again; a name or label others own changes the order of many. */
static const TiesDocumentChange column_depends[N_COLUMNS] = {
  [COLUMN_DATE] = TIES_DOCUMENT_CHANGE_NONE,
  [COLUMN_TITLE] = TIES_DOCUMENT_CHANGE_NONE,
  [COLUMN_KIND] = TIES_DOCUMENT_CHANGE_EVENT_KINDS,
  [COLUMN_PARTICIPANTS] = TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK,
  [COLUMN_PLACE] = TIES_DOCUMENT_CHANGE_NONE,
  /* Quotes added or removed come as their event's "items-changed". */
  [COLUMN_EVIDENCE] = TIES_DOCUMENT_CHANGE_NONE,
};

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */

static gboolean
on_cell_query_tooltip (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "ties-tooltip");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Cell tooltips are made when asked for: in GTK 4.8 setting a widget's
 * tooltip text costs a round trip to the X server, and a list sets one
 * per cell (measured: a tenth of the window's start-up on the sample). */
static void
set_cell_tooltip (GtkWidget  *widget,
                  const char *tooltip)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "ties-tooltip"), tooltip) == 0)
    return;

  if (g_object_get_data (G_OBJECT (widget), "ties-tooltip-handler") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), "ties-tooltip-handler", GINT_TO_POINTER (1));
    }

  g_object_set_data_full (G_OBJECT (widget), "ties-tooltip", g_strdup (tooltip), g_free);
  gtk_widget_set_has_tooltip (widget, tooltip != NULL);
}

static void
set_label (GtkWidget  *widget,
           const char *text,
           const char *tooltip)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (g_strcmp0 (gtk_label_get_text (label), text != NULL ? text : "") != 0)
    gtk_label_set_text (label, text != NULL ? text : "");
  set_cell_tooltip (widget, tooltip);
}

static void
cell_update (Cell *cell)
{
  TiesEventList *self = cell->columns != NULL ? cell->columns->list : NULL;
  TiesEvent *event = cell->event;
  GtkWidget *child = gtk_list_item_get_child (cell->list_item);

  if (self == NULL || event == NULL || child == NULL)
    return;

  switch (cell->column)
    {
    case COLUMN_DATE:
      {
        TiesDate *date = ties_event_get_parsed_date (event);
        const char *text = ties_event_get_date (event);
        const char *phrase = ties_event_get_date_phrase (event);
        g_autofree char *human = NULL;
        g_autofree char *tooltip = NULL;

        if (date != NULL)
          human = ties_date_format (date);
        else if (text != NULL && *text != '\0')
          human = g_strdup (text);
        else
          human = g_strdup (_("Undated"));

        if (text != NULL && *text != '\0' && phrase != NULL && *phrase != '\0')
          /* Translators: an EDTF date, then the source's words for it */
          tooltip = g_strdup_printf (_("%s (“%s”)"), text, phrase);
        else if (text != NULL && *text != '\0')
          tooltip = g_strdup (text);
        else if (phrase != NULL && *phrase != '\0')
          tooltip = g_strdup_printf ("“%s”", phrase);

        set_label (child, human, tooltip);
        if (date == NULL)
          gtk_widget_add_css_class (child, "dim-label");
        else
          gtk_widget_remove_css_class (child, "dim-label");
      }
      break;

    case COLUMN_TITLE:
      set_label (child, ties_event_get_title (event), ties_event_get_title (event));
      /* The row is the event: it is read out by its title. */
      _ties_column_view_name_row (cell->list_item, ties_event_get_title (event));
      break;

    case COLUMN_KIND:
      set_label (child, _ties_event_list_kind_label (self, ties_event_get_kind (event)), NULL);
      break;

    case COLUMN_PARTICIPANTS:
      {
        g_autofree char *text = participants_text (self, event);

        set_label (child, text, *text != '\0' ? text : NULL);
      }
      break;

    case COLUMN_PLACE:
      set_label (child, ties_event_get_place (event), NULL);
      break;

    case COLUMN_EVIDENCE:
      {
        GtkWidget *icon = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (icon);
        guint n = g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (event)));
        guint orphaned = count_orphaned (event);
        g_autofree char *count = g_strdup_printf ("%u", n);
        g_autofree char *tooltip = NULL;

        if (orphaned > 0)
          tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u quote cannot be found in its source",
                                                  "%u quotes cannot be found in their sources",
                                                  orphaned),
                                     orphaned);
        else
          tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u quote from the sources",
                                                  "%u quotes from the sources",
                                                  n),
                                     n);

        set_label (label, count, NULL);
        gtk_widget_set_visible (icon, orphaned > 0);
        set_cell_tooltip (child, tooltip);
      }
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* A cell shows some of its event's properties: the others' notifications
 * leave it alone (typing a title redraws the title's cell only). */
static void
cell_notify (Cell       *cell,
             GParamSpec *pspec,
             TiesEvent  *event G_GNUC_UNUSED)
{
  const char *name = pspec->name;
  gboolean shown;

  switch (cell->column)
    {
    case COLUMN_DATE:
      shown = g_str_equal (name, "date") || g_str_equal (name, "date-phrase");
      break;

    case COLUMN_TITLE:
      shown = g_str_equal (name, "title");
      break;

    case COLUMN_KIND:
      shown = g_str_equal (name, "kind");
      break;

    case COLUMN_PARTICIPANTS:
      shown = g_str_equal (name, "participants");
      break;

    case COLUMN_PLACE:
      shown = g_str_equal (name, "place");
      break;

    case COLUMN_EVIDENCE:
    case N_COLUMNS:
    default:
      /* Quotes are followed as the evidence store's items. */
      shown = FALSE;
      break;
    }

  if (shown)
    cell_update (cell);
}

static void
cell_unwatch_evidence (Cell *cell)
{
  if (cell->watched == NULL)
    return;

  for (guint i = 0; i < cell->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (cell->watched, i), cell);
  g_clear_pointer (&cell->watched, g_ptr_array_unref);
}

/* The warning icon follows each quote's status, not only the count. */
static void
cell_watch_evidence (Cell *cell)
{
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (cell->event));
  guint n = g_list_model_get_n_items (evidence);

  cell_unwatch_evidence (cell);
  cell->watched = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      TiesEvidence *item = g_list_model_get_item (evidence, i);

      g_signal_connect_swapped (item, "notify::status", G_CALLBACK (cell_update), cell);
      g_ptr_array_add (cell->watched, item);
    }
}

static void
cell_evidence_changed (Cell *cell)
{
  cell_watch_evidence (cell);
  cell_update (cell);
}

static void
cell_unbind (Cell *cell)
{
  if (cell->event == NULL)
    return;

  cell_unwatch_evidence (cell);
  g_clear_signal_handler (&cell->notify_id, cell->event);
  g_clear_signal_handler (&cell->evidence_id, ties_event_get_evidence (cell->event));
  if (cell->columns != NULL)
    g_hash_table_remove (cell->columns->cells, cell);
  g_clear_object (&cell->event);
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  cell_unbind (cell);
  g_free (cell);
}

static GtkWidget *
make_cell_label (Column column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  switch (column)
    {
    case COLUMN_TITLE:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      break;

    case COLUMN_PARTICIPANTS:
    case COLUMN_PLACE:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      break;

    case COLUMN_DATE:
    case COLUMN_KIND:
    case COLUMN_EVIDENCE:
    case N_COLUMNS:
    default:
      break;
    }

  return label;
}

static void
factory_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TiesEventColumns         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ties-column"));
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *child;

  cell->columns = self;
  cell->list_item = list_item;
  cell->column = column;

  if (column == COLUMN_EVIDENCE)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = make_cell_label (column);

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_halign (child, GTK_ALIGN_END);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_box_append (GTK_BOX (child), icon);
      gtk_box_append (GTK_BOX (child), label);
    }
  else
    {
      child = make_cell_label (column);
    }

  gtk_list_item_set_child (list_item, child);
  g_object_set_data_full (G_OBJECT (list_item), "ties-cell", cell, cell_free);
}

static void
factory_teardown (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
                  GtkListItem              *list_item,
                  TiesEventColumns         *self G_GNUC_UNUSED)
{
  g_object_set_data (G_OBJECT (list_item), "ties-cell", NULL);
}

static void
factory_bind (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
              GtkListItem              *list_item,
              TiesEventColumns         *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "ties-cell");
  TiesEvent *event = gtk_list_item_get_item (list_item);

  g_assert (cell != NULL);
  g_assert (TIES_IS_EVENT (event));

  cell_unbind (cell);
  cell->event = g_object_ref (event);
  cell->notify_id = g_signal_connect_swapped (event, "notify", G_CALLBACK (cell_notify), cell);
  if (cell->column == COLUMN_EVIDENCE)
    {
      cell->evidence_id = g_signal_connect_swapped (ties_event_get_evidence (event), "items-changed",
                                                    G_CALLBACK (cell_evidence_changed), cell);
      cell_watch_evidence (cell);
    }
  g_hash_table_add (self->cells, cell);
  cell_update (cell);
}

static void
factory_unbind (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
                GtkListItem              *list_item,
                TiesEventColumns         *self G_GNUC_UNUSED)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "ties-cell");

  if (cell != NULL)
    cell_unbind (cell);
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                  */

TiesEventColumns *
_ties_event_columns_new (TiesEventList        *list,
                         GtkColumnViewColumn **columns)
{
  static const GCompareDataFunc compare[N_COLUMNS] = {
    [COLUMN_DATE] = compare_date,
    [COLUMN_TITLE] = compare_title,
    [COLUMN_KIND] = compare_kind,
    [COLUMN_PARTICIPANTS] = compare_participants,
    [COLUMN_PLACE] = compare_place,
    [COLUMN_EVIDENCE] = compare_evidence,
  };
  TiesEventColumns *self;

  g_return_val_if_fail (TIES_IS_EVENT_LIST (list), NULL);
  g_return_val_if_fail (columns != NULL, NULL);

  self = g_new0 (TiesEventColumns, 1);
  self->list = list;
  self->cells = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      /* The list is the sorters' data, not this: the column view may
       * keep them after the list let this go. */
      self->sorters[i] = GTK_SORTER (gtk_custom_sorter_new (compare[i], list, NULL));
      self->factories[i] = factory;
      g_object_set_data (G_OBJECT (factory), "ties-column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (factory_setup), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown), self);
      g_signal_connect (factory, "bind", G_CALLBACK (factory_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind), self);

      gtk_column_view_column_set_factory (columns[i], factory);
      gtk_column_view_column_set_sorter (columns[i], self->sorters[i]);
    }

  return self;
}

void
_ties_event_columns_free (TiesEventColumns *self)
{
  GHashTableIter iter;
  gpointer cell;

  if (self == NULL)
    return;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    ((Cell *) cell)->columns = NULL;
  g_clear_pointer (&self->cells, g_hash_table_unref);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_signal_handlers_disconnect_by_data (self->factories[i], self);
      g_clear_object (&self->factories[i]);
      g_clear_object (&self->sorters[i]);
    }

  g_free (self);
}

void
_ties_event_columns_document_changed (TiesEventColumns   *self,
                                      TiesDocumentChange  changes)
{
  GHashTableIter iter;
  gpointer cell;

  g_return_if_fail (self != NULL);

  /* A column's own sorter says "changed" to the column view's sorter only
   * while the list is sorted by it (GTK 4.8 cannot say which column is). */
  for (guint i = 0; i < N_COLUMNS; i++)
    if (changes & column_depends[i])
      gtk_sorter_changed (self->sorters[i], GTK_SORTER_CHANGE_DIFFERENT);

  /* Cells follow their events; kind labels and actor names are others'. */
  if (!(changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK
                   | TIES_DOCUMENT_CHANGE_EVENT_KINDS)))
    return;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    cell_update (cell);
}
