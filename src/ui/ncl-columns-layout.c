/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-columns-layout.h"

/*
 * The post lays each talk out as a heading over a CSS grid of two equal
 * columns (text, slide picture) that a phone shows as one. This does the
 * same for a widget's children: the last two are the columns, side by side
 * from fold-threshold pixels up and stacked below it; any before them are
 * headings, full width on top. libadwaita 1.2 has no breakpoints, and a layout
 * manager folds on the width the row really gets, not the window's.
 */
struct _NclColumnsLayout
{
  GtkLayoutManager parent_instance;

  int spacing;
  int fold_threshold;
  gboolean folded;
};

G_DEFINE_FINAL_TYPE (NclColumnsLayout, ncl_columns_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_FOLD_THRESHOLD,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Children that take part in layout: all but the last two are headers,
 * stacked full width on top; the last two are the columns. */
static guint
get_children (GtkWidget  *widget,
              GtkWidget **children,
              guint       max_children)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && n < max_children;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_should_layout (child))
        children[n++] = child;
    }

  return n;
}

static int
measure_height (GtkWidget *child,
                int        width,
                int       *natural)
{
  int min = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, natural, NULL, NULL);
  return min;
}

static void
split_width (NclColumnsLayout *self,
             int               width,
             int              *first,
             int              *second)
{
  int available = MAX (0, width - self->spacing);

  *first = available / 2;
  *second = available - *first;
}

/* Large text (GNOME's text scaling raises the screen's DPI) needs wider
 * columns: the threshold grows with it, so a column keeps room for as many
 * words per line at 2× text as at 1×. */
static double
text_scale (GtkWidget *widget)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);

  return dpi > 0 ? MAX (1.0, dpi / (96.0 * 1024.0)) : 1.0;
}

static gboolean
is_folded (NclColumnsLayout *self,
           GtkWidget        *widget,
           guint             n_columns,
           int               width)
{
  return n_columns < 2 || (width >= 0 && width < self->fold_threshold * text_scale (widget));
}

static GtkSizeRequestMode
ncl_columns_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

#define MAX_CHILDREN 8

static void
ncl_columns_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  NclColumnsLayout *self = NCL_COLUMNS_LAYOUT (manager);
  GtkWidget *children[MAX_CHILDREN];
  guint n = get_children (widget, children, MAX_CHILDREN);
  guint n_columns = MIN (n, 2);
  guint n_headers = n - n_columns;
  GtkWidget **columns = children + n_headers;

  *minimum = *natural = 0;

  if (n == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int columns_nat = 0;

      for (guint i = 0; i < n; i++)
        {
          int min, nat;

          gtk_widget_measure (children[i], orientation, -1, &min, &nat, NULL, NULL);
          /* Folded, the row is as narrow as its widest child. */
          *minimum = MAX (*minimum, min);
          if (i < n_headers)
            *natural = MAX (*natural, nat);
          else
            columns_nat += nat + (i > n_headers ? self->spacing : 0);
        }

      *natural = MAX (*natural, columns_nat);
      return;
    }

  for (guint i = 0; i < n_headers; i++)
    {
      int nat;
      int min = measure_height (children[i], for_size, &nat);

      *minimum += min + self->spacing;
      *natural += nat + self->spacing;
    }

  if (is_folded (self, widget, n_columns, for_size))
    {
      for (guint i = 0; i < n_columns; i++)
        {
          int nat;
          int min = measure_height (columns[i], for_size, &nat);

          *minimum += min + (i > 0 ? self->spacing : 0);
          *natural += nat + (i > 0 ? self->spacing : 0);
        }
    }
  else
    {
      int widths[2] = { -1, -1 };
      int nat0, nat1;
      int min0, min1;

      if (for_size >= 0)
        split_width (self, for_size, &widths[0], &widths[1]);

      min0 = measure_height (columns[0], widths[0], &nat0);
      min1 = measure_height (columns[1], widths[1], &nat1);
      *minimum += MAX (min0, min1);
      *natural += MAX (nat0, nat1);
    }
}

static void
ncl_columns_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  NclColumnsLayout *self = NCL_COLUMNS_LAYOUT (manager);
  GtkWidget *children[MAX_CHILDREN];
  guint n = get_children (widget, children, MAX_CHILDREN);
  guint n_columns = MIN (n, 2);
  guint n_headers = n - n_columns;
  GtkWidget **columns = children + n_headers;
  gboolean folded = is_folded (self, widget, n_columns, width);
  int y = 0;

  for (guint i = 0; i < n_headers; i++)
    {
      int child_height = measure_height (children[i], width, NULL);

      gtk_widget_size_allocate (children[i],
                                &(GtkAllocation) { 0, y, width, child_height },
                                -1);
      y += child_height + self->spacing;
    }

  if (folded)
    {
      for (guint i = 0; i < n_columns; i++)
        {
          int child_height = measure_height (columns[i], width, NULL);

          if (i + 1 == n_columns)
            child_height = MAX (child_height, height - y);

          gtk_widget_size_allocate (columns[i],
                                    &(GtkAllocation) { 0, y, width, child_height },
                                    -1);
          y += child_height + self->spacing;
        }
    }
  else
    {
      int first, second;
      int rest = MAX (0, height - y);

      split_width (self, width, &first, &second);

      /* Both cells are as tall as the row, as in the post's grid; a
       * child's valign decides whether it stretches. */
      gtk_widget_size_allocate (columns[0],
                                &(GtkAllocation) { 0, y, first, rest },
                                -1);
      gtk_widget_size_allocate (columns[1],
                                &(GtkAllocation) { first + self->spacing, y, second, rest },
                                -1);
    }

  if (self->folded != folded)
    {
      self->folded = folded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
    }
}

static void
ncl_columns_layout_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NclColumnsLayout *self = NCL_COLUMNS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_FOLD_THRESHOLD:
      g_value_set_int (value, self->fold_threshold);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_columns_layout_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NclColumnsLayout *self = NCL_COLUMNS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      ncl_columns_layout_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_FOLD_THRESHOLD:
      ncl_columns_layout_set_fold_threshold (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_columns_layout_class_init (NclColumnsLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = ncl_columns_layout_get_property;
  object_class->set_property = ncl_columns_layout_set_property;

  layout_class->get_request_mode = ncl_columns_layout_get_request_mode;
  layout_class->measure = ncl_columns_layout_measure;
  layout_class->allocate = ncl_columns_layout_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT16, 12,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLD_THRESHOLD] =
    g_param_spec_int ("fold-threshold", NULL, NULL,
                      0, G_MAXINT16, 660,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_columns_layout_init (NclColumnsLayout *self)
{
  self->spacing = 12;
  self->fold_threshold = 660;
}

GtkLayoutManager *
ncl_columns_layout_new (void)
{
  return g_object_new (NCL_TYPE_COLUMNS_LAYOUT, NULL);
}

int
ncl_columns_layout_get_spacing (NclColumnsLayout *self)
{
  g_return_val_if_fail (NCL_IS_COLUMNS_LAYOUT (self), 0);

  return self->spacing;
}

void
ncl_columns_layout_set_spacing (NclColumnsLayout *self,
                                int               spacing)
{
  g_return_if_fail (NCL_IS_COLUMNS_LAYOUT (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
ncl_columns_layout_get_fold_threshold (NclColumnsLayout *self)
{
  g_return_val_if_fail (NCL_IS_COLUMNS_LAYOUT (self), 0);

  return self->fold_threshold;
}

void
ncl_columns_layout_set_fold_threshold (NclColumnsLayout *self,
                                       int               threshold)
{
  g_return_if_fail (NCL_IS_COLUMNS_LAYOUT (self));

  if (self->fold_threshold == threshold)
    return;

  self->fold_threshold = threshold;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLD_THRESHOLD]);
}

/**
 * ncl_columns_layout_get_folded:
 *
 * Returns: whether the last allocation stacked the columns
 */
gboolean
ncl_columns_layout_get_folded (NclColumnsLayout *self)
{
  g_return_val_if_fail (NCL_IS_COLUMNS_LAYOUT (self), FALSE);

  return self->folded;
}
