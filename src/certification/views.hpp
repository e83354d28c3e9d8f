// The certification's records as JSON, for the pages' models and the API alike (one shape for both).
// `t` gives a message of the request's locale; `en` picks the English names.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <string>

#include "certification/certification.hpp"

namespace brilliant::certification {

using Text = std::function<std::string(const std::string& key)>;

boost::json::object criterion_json(const Criterion& c, bool en, const Text& t);
boost::json::object scheme_json(const Scheme& s, bool en, const Text& t);
boost::json::array claims_json(const std::vector<std::string>& claims, const Text& t);
// Public facts only: never the credential's private inputs, never evidence files.
boost::json::object certificate_json(const Certificate& c, bool en, const Text& t);
boost::json::array events_json(const std::vector<CertificateEvent>& events, const Text& t);
// The evidence list as anyone may see it: criterion, kind, size and SHA-256 (no names, no files).
boost::json::array public_evidence_json(const std::vector<Evidence>& evidence, const Text& t);
// Everything about an application for its workshop and auditors: each criterion with its answer and
// files, audits, non-conformities, the assessment.
boost::json::object dossier_json(const Dossier& d, bool en, const Text& t);

// "★★☆" for a level of 3.
std::string stars(int level);
// The date part of a UTC ISO time in Korea ("2026-11-29").
std::string seoul_date(const std::string& utc);

}  // namespace brilliant::certification
