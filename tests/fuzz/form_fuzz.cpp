// libFuzzer target: form bodies and query strings. Whatever the bytes, parse_form returns fields that
// are valid UTF-8 or marks the form invalid; it never throws or reads out of bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text.hpp"
#include "web/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  auto form = brilliant::web::parse_form(input);
  if (form.valid())
    for (const auto& [key, value] : form.fields())
      if (!brilliant::valid_utf8(key) || !brilliant::valid_utf8(value)) std::abort();
  (void)brilliant::web::url_encode(input);
  return 0;
}
