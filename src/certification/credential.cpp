#include "certification/credential.hpp"

#include <zlib.h>

#include <boost/json.hpp>

#include "core/secret.hpp"
#include "trust/jcs.hpp"
#include "web/static_files.hpp"

namespace brilliant::certification {
namespace json = boost::json;

namespace {

constexpr size_t min_list_bits = 131072;

json::object status_entry(const std::string& base_url, const std::string& purpose, long long index) {
  const auto list = base_url + "/certificates/status/" + purpose;
  return {{"id", list + "#" + std::to_string(index)},
          {"type", "BitstringStatusListEntry"},
          {"statusPurpose", purpose},
          {"statusListIndex", std::to_string(index)},
          {"statusListCredential", list}};
}

std::string base64url(std::string_view bytes) {
  auto text = base64(bytes);
  for (auto& c : text) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

Result<std::string> gunzip(std::string_view data, size_t limit) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK)
    return Error::invalid("encodedList", "gzip_invalid", "inflate init");
  std::string out(limit, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&zs, Z_FINISH);
  inflateEnd(&zs);
  if (rc != Z_STREAM_END)
    return Error::invalid("encodedList", "gzip_invalid", "the list is not gzip data of at most 16 MB");
  out.resize(zs.total_out);
  return out;
}

}  // namespace

Result<json::object> issue_credential(const CredentialFacts& f, const trust::KeyPair& key) {
  json::array claims;
  for (const auto& c : f.claims) claims.emplace_back(c);
  json::object credential{
      {"@context", json::array{"https://www.w3.org/ns/credentials/v2"}},
      {"id", f.base_url + "/certificates/" + f.number},
      {"type", json::array{"VerifiableCredential", "EcoJewelryWorkshopCertificate"}},
      {"issuer", json::object{{"id", f.did}, {"name", "Brilliant Iksan Eco-friendly Jewelry Certification"}}},
      {"name", "Iksan eco-friendly jewelry certificate " + f.number},
      {"validFrom", f.valid_from},
      {"validUntil", f.valid_until},
      {"credentialSubject", json::object{{"id", f.base_url + "/workshops/" + f.workshop_slug},
                                         {"type", "JewelryWorkshop"},
                                         {"name", f.workshop_name_ko},
                                         {"nameEn", f.workshop_name_en},
                                         {"certificateNumber", f.number},
                                         {"level", f.level},
                                         {"score", f.score},
                                         {"scheme", f.base_url + "/eco"},
                                         {"schemeVersion", f.version},
                                         {"scope", f.scope},
                                         {"claims", std::move(claims)}}},
      {"credentialStatus", json::array{status_entry(f.base_url, "revocation", f.status_index),
                                       status_entry(f.base_url, "suspension", f.status_index)}}};
  return trust::sign_jcs_2022(std::move(credential), trust::issuer_proof_options(f.did, f.valid_from), key);
}

std::string credential_hash(const json::object& credential) {
  return sha256_hex(trust::canonical_json(credential).value());
}

std::string certificate_entry(const std::string& event, const std::string& credential_sha256,
                              const std::string& number, const std::string& at) {
  return trust::canonical_json(json::object{{"event", "certificate." + event},
                                            {"credential_sha256", credential_sha256},
                                            {"number", number},
                                            {"at", at}})
      .value();
}

std::string evidence_entry(const std::string& sha256, const std::string& code, long long application_id,
                           const std::string& at) {
  return trust::canonical_json(json::object{{"event", "certification.evidence"},
                                            {"sha256", sha256},
                                            {"criterion", code},
                                            {"application", application_id},
                                            {"at", at}})
      .value();
}

std::string encode_status_list(const std::vector<long long>& set_indexes) {
  long long top = 0;
  for (auto i : set_indexes) top = std::max(top, i + 1);
  const size_t bits = std::max(min_list_bits, static_cast<size_t>((top + 7) / 8 * 8));
  std::string bytes(bits / 8, '\0');
  // Bit 0 is the most significant bit of the first byte (the spec's left-to-right order).
  for (auto i : set_indexes)
    if (i >= 0) bytes[i / 8] = static_cast<char>(bytes[i / 8] | (0x80 >> (i % 8)));
  return "u" + base64url(web::gzip_compress(bytes));
}

Result<std::vector<long long>> decode_status_list(const std::string& encoded) {
  if (!encoded.starts_with("u"))
    return Error::invalid("encodedList", "multibase_invalid", "the list must be multibase base64url (u...)");
  std::string b64 = encoded.substr(1);
  for (auto& c : b64) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (b64.size() % 4) b64.push_back('=');
  auto packed = from_base64(b64);
  if (!packed) return Error::invalid("encodedList", "base64_invalid", "the list is not base64url");
  auto bytes = TRY(gunzip(*packed, 16u << 20));
  std::vector<long long> out;
  for (size_t i = 0; i < bytes.size() * 8; ++i)
    if (static_cast<unsigned char>(bytes[i / 8]) & (0x80 >> (i % 8)))
      out.push_back(static_cast<long long>(i));
  return out;
}

Result<json::object> status_list_credential(const std::string& base_url, const std::string& did,
                                            const std::string& purpose, const std::vector<long long>& set,
                                            const std::string& now, const trust::KeyPair& key) {
  const auto id = base_url + "/certificates/status/" + purpose;
  json::object credential{{"@context", json::array{"https://www.w3.org/ns/credentials/v2"}},
                          {"id", id},
                          {"type", json::array{"VerifiableCredential", "BitstringStatusListCredential"}},
                          {"issuer", did},
                          {"validFrom", now},
                          {"credentialSubject", json::object{{"id", id + "#list"},
                                                             {"type", "BitstringStatusList"},
                                                             {"statusPurpose", purpose},
                                                             {"encodedList", encode_status_list(set)}}}};
  return trust::sign_jcs_2022(std::move(credential), trust::issuer_proof_options(did, now), key);
}

}  // namespace brilliant::certification
