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

}  // namespace brilliant::trust
