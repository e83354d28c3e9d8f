// The JSON forms of the log's proofs that bundles carry (certificates' proof.json, orders' evidence):
// a checkpoint {origin, tree_size, root_hash, note} and an entry's inclusion {leaf_index, entry, path},
// bytes in standard base64. `brilliant verify` reads them back (verify.cpp).
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "trust/log.hpp"

namespace brilliant::trust {

boost::json::object checkpoint_json(const Checkpoint& checkpoint);
// The entry at `index` with its audit path to the tree of `size` entries.
boost::json::object inclusion_json(TransparencyLog& log, uint64_t index, uint64_t size);
// What a certificate's proof.json holds: the entry at `index` with its inclusion in the tree as of a
// checkpoint signed `now`, that checkpoint, and the certificate's number and event. Nothing when the log
// does not hold the index yet.
std::optional<boost::json::object> certificate_proof(TransparencyLog& log, uint64_t index,
                                                     const std::string& number, const std::string& event,
                                                     const std::string& now);

}  // namespace brilliant::trust
