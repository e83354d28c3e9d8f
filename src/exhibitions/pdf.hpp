// The printable line sheet and booth poster (issue 19): A4, set with Pango in Noto Sans CJK in the sheet's
// language's own forms (KR, SC, JP), a QR code per piece and for the booth.
#pragma once
#include <string>

#include "exhibitions/views.hpp"

namespace brilliant::exhibitions {

std::string line_sheet_pdf(const Sheet& sheet);
// One page for the booth: the fair, the booth number, "visit our booth" in the four languages and a large
// QR code of the line sheet.
std::string poster_pdf(const Exhibition& exhibition, const std::string& sheet_url);

}  // namespace brilliant::exhibitions
