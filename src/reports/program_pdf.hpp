// The program report as a printable PDF (issue 19): A4 landscape, the year's headline figures, a bar per
// month (GMV stacked by channel), the months' table, then the workshops and the other parts. Korean or
// English, as the words given.
#pragma once
#include <functional>
#include <string>

#include "reports/program.hpp"

namespace brilliant::reports {

// money: a value in won as the reader's language writes it ("1,234원", "₩1,234").
std::string program_pdf(const Report& report, const Words& words, const std::string& brand,
                        const std::function<std::string(long long)>& money);

}  // namespace brilliant::reports
