// For the server's tests: a pipeline over a router of the test's own routes, with no sessions and the
// repository's templates and static files, ready for a net::Server.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "web/pipeline.hpp"

namespace brilliant::net::testing {

class NoSessions final : public web::SessionResolver {
 public:
  void resolve(web::Request&) override {}
};

struct TestPipeline {
  // Builds the metrics and the pipeline once the test's routes are in `router` (`metric_names` name them);
  // a Server is then given `*pipeline` and `*metrics`.
  void build(std::vector<std::string> metric_names) {
    metrics = std::make_unique<web::Metrics>(std::move(metric_names));
    pipeline = std::make_unique<web::Pipeline>(router, renderer, files, *metrics, sessions,
                                               web::PipelineOptions{false, false});
  }

  std::filesystem::path root = BRILLIANT_SOURCE_DIR;
  web::I18n i18n{root / "locales"};
  web::StaticFiles files{root / "static"};
  web::Renderer renderer{root / "templates", i18n, files, web::Reload::never};
  web::Router router;
  NoSessions sessions;
  std::unique_ptr<web::Metrics> metrics;
  std::unique_ptr<web::Pipeline> pipeline;
};

}  // namespace brilliant::net::testing
