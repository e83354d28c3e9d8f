// A completion certificate as a PDF (A4 landscape, Korean and English; print/pdf.hpp), with the QR of
// the page where anyone checks it.
#pragma once
#include <string>

#include "academy/academy.hpp"

namespace brilliant::academy {

std::string certificate_pdf(const Certificate& c, const std::string& verify_url);

}  // namespace brilliant::academy
