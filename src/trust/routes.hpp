// The transparency log and the issuer in public, as JSON anyone can check with RFC 9162 and the issuer's
// key: GET /api/v1/log/checkpoint (the signed checkpoint of the log as it is now),
// GET /api/v1/log/inclusion?index=I&size=N (entry I's audit path in the tree of size N),
// GET /api/v1/log/consistency?from=M&to=N, and GET /.well-known/did.json (the issuer as did:web, its
// Ed25519 key as a Multikey). Byte strings are base64.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "trust/log.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::trust {

struct Deps {
  TransparencyLog& log;
  std::string public_multikey;  // the issuer's key, "z6Mk..."
  std::string did;              // "did:web:brilliant.example"
  const web::Renderer& renderer;
  const Clock& clock;
};

// "did:web:" and the host (and port, %3A-encoded) of the base URL.
std::string did_web(const std::string& base_url);

void add_routes(web::Router& router, const Deps& deps);

}  // namespace brilliant::trust
