#include "payments/payment.hpp"

#include <gtest/gtest.h>

namespace brilliant::payments {
namespace {

using S = PaymentStatus;

TEST(PaymentStatus, NamesRoundTripAndTossWordsMapToStates) {
  for (auto s : {S::ready, S::in_progress, S::waiting_for_deposit, S::done, S::canceled, S::partial_canceled,
                 S::aborted, S::expired})
    EXPECT_EQ(payment_status(name_of(s)), s);
  EXPECT_FALSE(payment_status("paid"));
  EXPECT_EQ(from_toss("DONE"), S::done);
  EXPECT_EQ(from_toss("PARTIAL_CANCELED"), S::partial_canceled);
  EXPECT_EQ(from_toss("WAITING_FOR_DEPOSIT"), S::waiting_for_deposit);
  EXPECT_FALSE(from_toss("DONE "));
  EXPECT_FALSE(from_toss("CANCELLED"));  // Toss spells it with one L
}

TEST(PaymentStatus, MovesFollowTheLifeOfAPayment) {
  EXPECT_TRUE(may_move(S::ready, S::in_progress));
  EXPECT_TRUE(may_move(S::ready, S::done));  // a lookup or webhook found it confirmed
  EXPECT_TRUE(may_move(S::in_progress, S::done));
  EXPECT_TRUE(may_move(S::in_progress, S::aborted));
  EXPECT_TRUE(may_move(S::done, S::partial_canceled));
  EXPECT_TRUE(may_move(S::partial_canceled, S::canceled));
  EXPECT_TRUE(may_move(S::done, S::canceled));
  // Never back, never out of a final state, never "moving" to the same state.
  EXPECT_FALSE(may_move(S::done, S::aborted));
  EXPECT_FALSE(may_move(S::done, S::in_progress));
  EXPECT_FALSE(may_move(S::canceled, S::done));
  EXPECT_FALSE(may_move(S::aborted, S::done));
  EXPECT_FALSE(may_move(S::expired, S::in_progress));
  EXPECT_FALSE(may_move(S::done, S::done));
  EXPECT_FALSE(may_move(S::ready, S::canceled));
  EXPECT_FALSE(may_move(S::partial_canceled, S::done));
  EXPECT_TRUE(holds_money(S::done));
  EXPECT_TRUE(holds_money(S::partial_canceled));
  EXPECT_FALSE(holds_money(S::canceled));
  EXPECT_FALSE(holds_money(S::in_progress));
}

TEST(ProviderOrderId, IsTheOrderNumberAndTheAttempt) {
  EXPECT_EQ(provider_order_id("BR-261129-7KQ4MX2P", 2), "BR-261129-7KQ4MX2P-2");
  EXPECT_TRUE(looks_like_provider_order_id("BR-261129-7KQ4MX2P-2"));
  EXPECT_TRUE(looks_like_provider_order_id("BR-261129-7KQ4MX2P-105"));
  EXPECT_FALSE(looks_like_provider_order_id("BR-261129-7KQ4MX2P"));  // no attempt
  EXPECT_FALSE(looks_like_provider_order_id("BR-261129-7KQ4MX2P-x"));
  EXPECT_FALSE(looks_like_provider_order_id("BR-261129-7KQ4MX2P-"));
  EXPECT_FALSE(looks_like_provider_order_id("'; DROP TABLE payments; --1"));
}

}  // namespace
}  // namespace brilliant::payments
