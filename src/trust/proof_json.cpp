#include "trust/proof_json.hpp"

#include <boost/json.hpp>

#include "core/secret.hpp"

namespace brilliant::trust {

boost::json::object checkpoint_json(const Checkpoint& checkpoint) {
  return {{"origin", checkpoint.origin},
          {"tree_size", checkpoint.size},
          {"root_hash", base64(bytes_of(checkpoint.root))},
          {"note", checkpoint.note}};
}

boost::json::object inclusion_json(TransparencyLog& log, uint64_t index, uint64_t size) {
  boost::json::array path;
  for (const auto& h : log.inclusion_proof(index, size)) path.emplace_back(base64(bytes_of(h)));
  return {{"leaf_index", index}, {"entry", base64(log.entry(index))}, {"path", std::move(path)}};
}

std::optional<boost::json::object> certificate_proof(TransparencyLog& log, uint64_t index,
                                                     const std::string& number, const std::string& event,
                                                     const std::string& now) {
  const auto checkpoint = log.checkpoint(now);
  if (index >= checkpoint.size) return std::nullopt;
  auto bundle = inclusion_json(log, index, checkpoint.size);
  bundle["certificate"] = number;
  bundle["event"] = event;
  bundle["tree_size"] = checkpoint.size;
  bundle["checkpoint"] = checkpoint_json(checkpoint);
  return bundle;
}

}  // namespace brilliant::trust
