// For tests that render pages or build route tables: the project's templates, locales and static files,
// loaded once per test (needs BRILLIANT_SOURCE_DIR, as every test target defines).
#pragma once
#include <filesystem>

#include "web/render.hpp"

namespace brilliant::web {

struct TestPages {
  std::filesystem::path root{BRILLIANT_SOURCE_DIR};
  I18n i18n{root / "locales"};
  StaticFiles files{root / "static"};
  Renderer renderer{root / "templates", i18n, files, Reload::never};
};

}  // namespace brilliant::web
