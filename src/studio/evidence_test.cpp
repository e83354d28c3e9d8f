// An order's evidence and its proof bundle: every photo and step of the order's parcel, each in the log,
// and `brilliant verify`'s check of the bundle (trust::verify_evidence) passes on the photos as served
// and fails on an edited one or a bundle tampered with.
#include "studio/evidence.hpp"

#include <gtest/gtest.h>

#include "studio/testing.hpp"
#include "trust/signing.hpp"
#include "trust/verify.hpp"

namespace brilliant::studio {

class StudioEvidence : public StudioFixture {
 protected:
  trust::KeyPair key = trust::new_key();
  trust::TransparencyLog signed_log{*db, key, "b.example/log"};
};

TEST_F(StudioEvidence, AnOrdersEvidenceHasEveryShotAndStepAndVerifiesOffline) {
  EXPECT_TRUE(studio.evidence("B-1").empty());
  const auto serial = packed_order();
  auto r = studio.open_return(1, serial, "3.20").value();
  ASSERT_TRUE(studio.add_return_photo(r.id, "piece", piece_photo(300, 320, 120)).ok());
  const auto e = studio.evidence("B-1");
  ASSERT_EQ(e.parcels.size(), 1u);
  EXPECT_EQ(e.parcels[0].tracking, "123456789012");
  ASSERT_EQ(e.items.size(), 1u);
  EXPECT_EQ(e.items[0].item.serial, serial);
  EXPECT_EQ(e.photos.size(), 5u);  // box, sealed, the piece and its serial at packing, the piece returned
  EXPECT_EQ(
      std::count_if(e.photos.begin(), e.photos.end(), [](const auto& p) { return p.stage == "return"; }), 1);
  ASSERT_EQ(e.returns.size(), 1u);
  EXPECT_TRUE(studio.evidence("B-1", 99).empty());  // another workshop's view: nothing of this parcel
  // Every photo is served by its hash for this order only.
  EXPECT_TRUE(studio.evidence_photo("B-1", e.photos[0].hash, false).has_value());
  EXPECT_FALSE(studio.evidence_photo("B-2", e.photos[0].hash, false).has_value());
  EXPECT_TRUE(studio.evidence_photo("B-1", e.photos[0].hash, true, 1).has_value());    // its workshop's
  EXPECT_FALSE(studio.evidence_photo("B-1", e.photos[0].hash, false, 2).has_value());  // another's

  const auto multikey = trust::public_multikey(key);
  const auto bundle = studio.evidence_bundle(e, signed_log, multikey).value();
  const auto photo = *studio.evidence_photo("B-1", e.photos[2].hash, false);
  auto v = trust::verify_evidence(bundle, multikey, {{"piece.jpg", photo}});
  EXPECT_TRUE(v.ok());
  for (const auto& c : v.checks) EXPECT_TRUE(c.ok) << c.name << ": " << c.detail;
  // An edited photo is not one of the logged ones.
  auto edited = photo;
  edited[edited.size() / 2] ^= 1;
  EXPECT_FALSE(trust::verify_evidence(bundle, multikey, {{"edited.jpg", edited}}).ok());
  // Another key did not sign the checkpoint; a changed entry is not in the log.
  EXPECT_FALSE(trust::verify_evidence(bundle, trust::public_multikey(trust::new_key()), {}).ok());
  auto tampered = bundle;
  const auto at = tampered.find("\"entry\":\"") + 9;
  tampered[at + 4] = tampered[at + 4] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(trust::verify_evidence(tampered, multikey, {}).ok());
  EXPECT_FALSE(trust::verify_evidence("{}", multikey, {}).ok());
}

}  // namespace brilliant::studio
