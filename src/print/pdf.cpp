#include "print/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <stdexcept>

namespace brilliant::print {

struct Pdf::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  bool finished = false;

  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<Impl*>(closure)->bytes.append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }
  void colour(Colour c) const { cairo_set_source_rgb(cr, c.r, c.g, c.b); }
  void close() {
    if (cr) cairo_destroy(cr);
    if (surface) {
      cairo_surface_finish(surface);
      cairo_surface_destroy(surface);
    }
    cr = nullptr;
    surface = nullptr;
  }
};

Pdf::Pdf(double width, double height, const std::string& title) : impl_(std::make_unique<Impl>()) {
  impl_->surface = cairo_pdf_surface_create_for_stream(&Impl::write, impl_.get(), width, height);
  if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo pdf surface");
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "Brilliant");
  impl_->cr = cairo_create(impl_->surface);
}

Pdf::~Pdf() { impl_->close(); }

double Pdf::text(double x, double y, double width, std::string_view text, const TextStyle& style) {
  PangoLayout* layout = pango_cairo_create_layout(impl_->cr);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family.c_str());
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, style.align == Align::centre  ? PANGO_ALIGN_CENTER
                                     : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                   : PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  impl_->colour(style.colour);
  cairo_move_to(impl_->cr, x, y);
  pango_cairo_show_layout(impl_->cr, layout);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  pango_font_description_free(font);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Pdf::line(double x1, double y1, double x2, double y2, double width, Colour colour) {
  impl_->colour(colour);
  cairo_set_line_width(impl_->cr, width);
  cairo_move_to(impl_->cr, x1, y1);
  cairo_line_to(impl_->cr, x2, y2);
  cairo_stroke(impl_->cr);
}

void Pdf::frame(double x, double y, double width, double height, double line_width, Colour colour) {
  impl_->colour(colour);
  cairo_set_line_width(impl_->cr, line_width);
  cairo_rectangle(impl_->cr, x, y, width, height);
  cairo_stroke(impl_->cr);
}

void Pdf::fill(double x, double y, double width, double height, Colour colour) {
  impl_->colour(colour);
  cairo_rectangle(impl_->cr, x, y, width, height);
  cairo_fill(impl_->cr);
}

void Pdf::qr(double x, double y, double size, const media::QrCode& code) {
  const int modules = code.size + 8;
  const double m = size / modules;
  fill(x, y, size, size, {1, 1, 1});
  impl_->colour({0, 0, 0});
  for (int row = 0; row < code.size; ++row)
    for (int col = 0; col < code.size; ++col)
      if (code.at(col, row)) cairo_rectangle(impl_->cr, x + (col + 4) * m, y + (row + 4) * m, m, m);
  cairo_fill(impl_->cr);
}

void Pdf::new_page() { cairo_show_page(impl_->cr); }

std::string Pdf::finish() {
  if (!impl_->finished) {
    impl_->finished = true;
    impl_->close();
  }
  return std::move(impl_->bytes);
}

}  // namespace brilliant::print
