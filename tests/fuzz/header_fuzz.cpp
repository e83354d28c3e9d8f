// libFuzzer target: header values and redirect targets (issue 20). Whatever the bytes:
// - local_redirect_target returns the fallback or a path on this site: starting with one "/", no
//   "//" or "/\" after it, no control character (browsers strip TAB, CR, LF and would go elsewhere);
// - a Response accepts a header value only when it holds no CR, LF, NUL or other control but TAB, and
//   refuses it (std::invalid_argument) otherwise, so no input splits a header;
// - utf8_prefix and utf8_shorten of valid UTF-8 stay valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "core/text.hpp"
#include "web/response.hpp"

namespace {

bool has_control(std::string_view text, bool allow_tab) {
  for (unsigned char ch : text)
    if ((ch < 0x20 && !(allow_tab && ch == '\t')) || ch == 0x7f) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto target = brilliant::web::local_redirect_target(input, "/fallback");
  if (target != "/fallback") {
    if (target.empty() || target.front() != '/') std::abort();
    if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) std::abort();
    if (has_control(target, false)) std::abort();
  }
  brilliant::web::Response response;
  bool accepted = true;
  try {
    response.add("Location", input);
  } catch (const std::invalid_argument&) {
    accepted = false;
  }
  if (accepted == has_control(input, true)) std::abort();
  if (accepted && response.header("location") != input) std::abort();
  if (brilliant::valid_utf8(input)) {
    for (size_t n : {size_t{0}, size / 2, size})
      if (!brilliant::valid_utf8(brilliant::utf8_prefix(input, n))) std::abort();
    if (!brilliant::valid_utf8(brilliant::utf8_shorten(input, size / 3))) std::abort();
  }
  return 0;
}
