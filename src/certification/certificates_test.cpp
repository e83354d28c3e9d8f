// Certificates after issue: public status changes taking claims out of the store, expiry, reminders.
#include "certification/service_testing.hpp"

namespace brilliant::certification {

TEST_F(CertificationTest, SuspensionAndWithdrawalTakeClaimsOutOfTheStoreAtOnce) {
  const auto number = certs.decide(ready_application(90), auditor(), Decision::issue, "").value();
  const auto silver = certs.product_brief(std::string("silver-ring"))->id;
  ASSERT_TRUE(certs.set_claims(silver, {{silver, "cyanide_free_plating", "bath MSDS 2026"}}).ok());
  EXPECT_EQ(certs.change_status(number, StatusAction::suspend, "", 2).error().field, "reason");
  auto c = certs.change_status(number, StatusAction::suspend, "plating wastewater over the limit", 2).value();
  EXPECT_EQ(c.status, CertificateStatus::suspended);
  EXPECT_FALSE(c.suspended_until.empty());
  EXPECT_EQ(eco_of("silver-ring").first, "");
  EXPECT_EQ(decode_status_list(std::string(boost::json::parse(certs.status_list("suspension").value())
                                               .at("credentialSubject")
                                               .at("encodedList")
                                               .as_string()))
                .value(),
            std::vector<long long>{c.status_index});
  ASSERT_TRUE(certs.change_status(number, StatusAction::reinstate, "new lab results within limits", 2).ok());
  EXPECT_EQ(eco_of("silver-ring").first, "cyanide_free_plating");
  ASSERT_TRUE(certs.change_status(number, StatusAction::withdraw, "false claims found", 2).ok());
  EXPECT_EQ(eco_of("silver-ring").first, "");
  EXPECT_EQ(certs.change_status(number, StatusAction::reinstate, "x", 2).error().kind, ErrorKind::conflict);
  const auto history = certs.events(c.id);
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[1].kind, "suspended");
  EXPECT_EQ(history[1].reason, "plating wastewater over the limit");
  // Every event is in the log; the proof names the latest.
  EXPECT_TRUE(
      trust::verify_credential(c.credential, certs.proof_bundle(c, log).value(), trust::public_multikey(key))
          .ok());
}

TEST_F(CertificationTest, HousekeepingRemindsThenExpires) {
  const auto number = certs.decide(ready_application(70), auditor(), Decision::issue, "").value();
  EXPECT_EQ(certs.certificate(number)->level, 2);
  const auto mails = [&] { return db->read([](soci::session& s) { return mail::recent(s, 50).size(); }); };
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(24h * (365 * 3 - 80)));
  EXPECT_EQ(certs.housekeeping(), 0);
  EXPECT_EQ(mails(), 1u);  // 90 days before
  certs.housekeeping();
  EXPECT_EQ(mails(), 1u);  // not twice
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(24h * 60));
  certs.housekeeping();
  EXPECT_EQ(mails(), 2u);  // 30 days before
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(24h * 30));
  EXPECT_EQ(certs.housekeeping(), 1);
  EXPECT_EQ(certs.certificate(number)->status, CertificateStatus::expired);
  EXPECT_EQ(certs.events(certs.certificate(number)->id).back().kind, "expired");
}

}  // namespace brilliant::certification
