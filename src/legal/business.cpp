#include "legal/business.hpp"

#include "core/text.hpp"
#include "vendors/joining/application.hpp"

namespace brilliant::legal {

std::string_view name_of(Arrangement a) { return a == Arrangement::seller ? "seller" : "mediator"; }

BusinessInfo demo_business() {
  BusinessInfo b;
  b.company = "(주)브릴리언트 공동브랜드";
  b.representative = "김보석";
  b.registration_no = "1208147521";
  b.mail_order_no = "제2026-전북익산-0123호";
  b.address = "전북특별자치도 익산시 왕궁면 귀금속보석단지길 12, 브릴리언트 스튜디오";
  b.phone = "063-850-1234";
  b.email = "help@brilliant.example";
  b.hosting = "(주)브릴리언트 공동브랜드 (자체 호스팅)";
  b.privacy_officer = "이안전 (개인정보 보호책임자)";
  b.privacy_email = "privacy@brilliant.example";
  b.processors =
      "CJ대한통운: 상품 배송\n토스페이먼츠: 카드 결제 처리\n메일 발송 서비스: 주문·배송 안내 메일 발송";
  return b;
}

namespace {

Result<void> required(const std::string& field, const std::string& value, size_t max_chars) {
  if (value.empty()) return Error::invalid(field, "field_required", field + " is required");
  if (utf8_length(value) > max_chars)
    return Error::invalid(field, "too_long",
                          field + " is longer than " + std::to_string(max_chars) + " characters");
  return {};
}

bool looks_like_email(const std::string& text) {
  const auto at = text.find('@');
  return at != std::string::npos && at > 0 && text.find('.', at) != std::string::npos &&
         text.find_first_of(" \t\r\n<>\"") == std::string::npos;
}

}  // namespace

Result<BusinessInfo> check_business(BusinessInfo b) {
  for (auto* s : {&b.company, &b.representative, &b.registration_no, &b.mail_order_no, &b.address, &b.phone,
                  &b.email, &b.hosting, &b.privacy_officer, &b.privacy_email})
    *s = std::string(trim(*s));
  TRY(required("company", b.company, 100));
  TRY(required("representative", b.representative, 60));
  auto digits = vendors::check_registration_number(b.registration_no);
  if (!digits) return digits.error();
  b.registration_no = *digits;
  TRY(required("mail_order_no", b.mail_order_no, 60));
  TRY(required("address", b.address, 200));
  TRY(required("phone", b.phone, 30));
  TRY(required("email", b.email, 120));
  if (!looks_like_email(b.email))
    return Error::invalid("email", "email_invalid", "email is not an email address");
  TRY(required("hosting", b.hosting, 100));
  TRY(required("privacy_officer", b.privacy_officer, 100));
  TRY(required("privacy_email", b.privacy_email, 120));
  if (!looks_like_email(b.privacy_email))
    return Error::invalid("privacy_email", "email_invalid", "privacy_email is not an email address");
  if (utf8_length(b.processors) > 2000)
    return Error::invalid("processors", "too_long", "processors is longer than 2000 characters");
  return b;
}

}  // namespace brilliant::legal
