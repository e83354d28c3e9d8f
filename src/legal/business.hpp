// What a Korean online store must show (issue 15): the seller's particulars that the E-Commerce Act
// (전자상거래법 §10, §13; 시행령) requires on the store's first page, and how the hub stands to a sale:
// a marketplace that mediates (통신판매중개자, §20: the workshop is the seller and the store says so) or
// the seller itself. Also the privacy policy's settings (PIPA §30: the officer, the processors we hand
// data to). Kept by the operator at /operator/legal; pages read them on every request.
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::legal {

enum class Arrangement { mediator, seller };
std::string_view name_of(Arrangement a);

struct BusinessInfo {
  std::string company;          // 상호
  std::string representative;   // 대표자
  std::string registration_no;  // 사업자등록번호, 10 digits (shown 123-45-67890)
  std::string mail_order_no;    // 통신판매업 신고번호, e.g. 제2026-전북익산-0123호
  std::string address, phone, email;
  std::string hosting;  // 호스팅서비스 제공자
  Arrangement arrangement = Arrangement::mediator;
  // The privacy policy's own items.
  std::string privacy_officer, privacy_email;
  // One processor a line, "name: what they do" (the carrier, the payment provider, the mail service).
  std::string processors;
};

// The demo hub's particulars (seeded; the operator replaces them).
BusinessInfo demo_business();

// Checks every field (required ones present, the registration number's checksum, an email that looks like
// one, lengths) and normalises (trimmed; registration number as 10 digits). Errors name the field.
Result<BusinessInfo> check_business(BusinessInfo info);

// The versions of the texts people agree to; a consent record names the version it agreed to.
inline constexpr std::string_view terms_version = "2026-11-29";
inline constexpr std::string_view privacy_version = "2026-11-29";

}  // namespace brilliant::legal
