/* ties-modules.c: the modules the command loads when it needs them
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window (libties-window, opened by main.c) and the importers'
 * readers of XML (libties-xml, opened here the first time an import
 * reads XML). Both take the layers' symbols from the command.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-modules.h"
#include "ties-xml-readers.h"

GModule *
ties_modules_open (const char  *name,
                   GError     **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *file = g_strconcat ("lib", name, ".", G_MODULE_SUFFIX, NULL);
  g_autofree char *installed = g_build_filename (PKGLIBDIR, file, NULL);

  g_return_val_if_fail (name != NULL, NULL);

  if (self != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (folder, file, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_module_open_full (beside, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL, error);
    }

  return g_module_open_full (installed, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL, error);
}

typedef struct {
  const TiesXmlReaders *readers;
  char                 *failure;  /* why not, when they are NULL */
} XmlReaders;

static gpointer
load_xml_readers (gpointer data)
{
  XmlReaders *loaded = g_new0 (XmlReaders, 1);
  g_autoptr(GError) error = NULL;
  GModule *module = ties_modules_open ("ties-xml", &error);
  gpointer readers = NULL;

  if (module != NULL && g_module_symbol (module, TIES_XML_READERS_SYMBOL, &readers))
    loaded->readers = readers;
  else
    loaded->failure = g_strdup (error != NULL ? error->message : g_module_error ());
  /* Kept, once loaded, until the process ends, as the window's is. */

  return loaded;
}

/* The command's choice for ties-xml-readers.h: the module, loaded once,
 * by the first import that reads XML, in whichever thread it runs. */
const TiesXmlReaders *
_ties_xml_readers_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const XmlReaders *loaded = g_once (&once, load_xml_readers, NULL);

  if (loaded->readers == NULL)
    /* Translators: the module with the readers of HTML, GEXF and GraphML
     * did not load; %s says why */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("HTML, GEXF and GraphML cannot be read: %s"), loaded->failure);

  return loaded->readers;
}
