// The transparency log and the issuer over HTTP (issue 11): a verifier that knows only the issuer's DID
// document checks the signed checkpoint, every entry's inclusion proof and the consistency of a later
// checkpoint with RFC 9162's algorithms; bad parameters are 400s naming the parameter.
#include <sodium.h>

#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/harness.hpp"
#include "trust/log.hpp"
#include "trust/merkle.hpp"
#include "trust/signing.hpp"

namespace brilliant::test {
namespace json = boost::json;

namespace {

std::string unbase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                    nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL);
  out.resize(len);
  return out;
}

std::vector<std::string> path_of(const json::value& answer) {
  std::vector<std::string> out;
  for (const auto& h : answer.at("path").as_array()) out.push_back(unbase64(h.as_string()));
  return out;
}

}  // namespace

class TrustHttp : public ServerTest {};

TEST_F(TrustHttp, AVerifierChecksCheckpointsAndProofsWithTheIssuersPublishedKeyAlone) {
  const auto start = app->log().size();  // the PostgreSQL test database is shared: others may have logged
  for (int i = 0; i < 3; ++i)
    app->log().append("{\"event\":" + std::to_string(i) + "}", "2026-11-29T00:00:00Z");
  // A batch in one transaction (the head moved once, the rows in one statement) on either database.
  app->database().write([](soci::session& sql) {
    trust::TransparencyLog::append_all(sql, {"{\"event\":3}", "{\"event\":4}", "{\"event\":5}"},
                                       "2026-11-29T00:00:00Z");
  });

  auto did = client()->get("/.well-known/did.json");
  ASSERT_EQ(did.status, 200) << did.body;
  const auto doc = json::parse(did.body);
  const auto key =
      trust::public_key_of(doc.at("verificationMethod").at(0).at("publicKeyMultibase").as_string()).value();
  EXPECT_EQ(std::string(doc.at("id").as_string()).rfind("did:web:", 0), 0u);

  auto first = client()->get("/api/v1/log/checkpoint");
  ASSERT_EQ(first.status, 200) << first.body;
  const auto cp = json::parse(first.body);
  auto checked = trust::read_checkpoint(cp.at("note").as_string(), key);
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  const auto size = checked->size;
  EXPECT_EQ(size, start + 6);
  EXPECT_EQ(trust::bytes_of(checked->root), unbase64(cp.at("root_hash").as_string()));

  for (uint64_t i = start; i < size; ++i) {
    auto proof =
        client()->get("/api/v1/log/inclusion?index=" + std::to_string(i) + "&size=" + std::to_string(size));
    ASSERT_EQ(proof.status, 200) << proof.body;
    const auto answer = json::parse(proof.body);
    const auto entry = unbase64(answer.at("entry").as_string());
    EXPECT_EQ(entry, "{\"event\":" + std::to_string(i - start) + "}");
    EXPECT_TRUE(trust::verify_inclusion(i, size, trust::bytes_of(trust::leaf_hash(entry)), path_of(answer),
                                        trust::bytes_of(checked->root))
                    .ok());
  }

  app->log().append("{\"event\":\"later\"}", "2026-11-29T00:00:01Z");
  const auto later =
      trust::read_checkpoint(json::parse(client()->get("/api/v1/log/checkpoint").body).at("note").as_string(),
                             key)
          .value();
  auto consistency = client()->get("/api/v1/log/consistency?from=" + std::to_string(size) +
                                   "&to=" + std::to_string(later.size));
  ASSERT_EQ(consistency.status, 200) << consistency.body;
  EXPECT_TRUE(trust::verify_consistency(size, later.size, trust::bytes_of(checked->root),
                                        trust::bytes_of(later.root), path_of(json::parse(consistency.body)))
                  .ok());
}

TEST_F(TrustHttp, BadParametersAreRefusedNamingTheParameter) {
  app->log().append("{\"event\":\"one\"}", "2026-11-29T00:00:00Z");
  const auto size = std::to_string(app->log().size());
  auto field_of = [&](const std::string& path) {
    auto r = client()->get(path);
    EXPECT_EQ(r.status, 400) << path << " " << r.body;
    return std::string(json::parse(r.body).at("error").at("field").as_string());
  };
  EXPECT_EQ(field_of("/api/v1/log/inclusion?index=x&size=" + size), "index");
  EXPECT_EQ(field_of("/api/v1/log/inclusion?index=0"), "size");
  EXPECT_EQ(field_of("/api/v1/log/inclusion?index=" + size + "&size=" + size), "index");
  EXPECT_EQ(field_of("/api/v1/log/inclusion?index=0&size=999999999"), "size");
  EXPECT_EQ(field_of("/api/v1/log/consistency?from=0&to=" + size), "from");
  EXPECT_EQ(field_of("/api/v1/log/consistency?from=1&to=999999999"), "to");
}

}  // namespace brilliant::test
