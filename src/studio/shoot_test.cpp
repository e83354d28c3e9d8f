#include "studio/shoot.hpp"

#include <gtest/gtest.h>

namespace brilliant::studio {

TEST(Shoot, FileNamesFromATetheredCameraName2TheirViewAndFrame) {
  EXPECT_EQ(parse_shot_name("BR-1_front_1.jpg", "BR-1")->view, "front");
  EXPECT_EQ(parse_shot_name("/Volumes/EOS/br-1_SPIN_07.JPG", "BR-1")->n, 7);
  EXPECT_EQ(parse_shot_name("RING_A_13_detail_1.png", "RING_A_13")->view, "detail");  // '_' in the SKU
  EXPECT_FALSE(parse_shot_name("BR-2_front_1.jpg", "BR-1"));                          // another piece's
  EXPECT_FALSE(parse_shot_name("BR-1_sideways_1.jpg", "BR-1"));                       // no such view
  EXPECT_FALSE(parse_shot_name("BR-1_front_2.jpg", "BR-1"));                          // one front frame
  EXPECT_FALSE(parse_shot_name("BR-1_spin_25.jpg", "BR-1"));                          // 24 spin frames
  EXPECT_FALSE(parse_shot_name("BR-1_front.jpg", "BR-1"));
  EXPECT_FALSE(parse_shot_name("IMG_0001.jpg", "BR-1"));
  EXPECT_EQ(shot_name("BR-1", "spin", 7), "BR-1_spin_07");
  EXPECT_EQ(shot_name("BR-1", "front", 1), "BR-1_front_1");
}

TEST(Shoot, TheListCountsTheLatestShotOfEachFrameAndIsReadyWithEveryRequiredView) {
  auto photo = [](long long id, const std::string& view, int n, bool voided = false) {
    ItemPhoto p;
    p.id = id;
    p.view = view;
    p.shot_no = n;
    if (voided) p.voided_at = "x";
    return p;
  };
  std::vector<ItemPhoto> photos{photo(1, "front", 1),        photo(2, "front", 1), photo(3, "side", 1),
                                photo(4, "back", 1),         photo(5, "spin", 1),  photo(6, "spin", 2),
                                photo(7, "detail", 1, true), photo(8, "box", 1)};
  auto list = shoot_list(photos);
  EXPECT_EQ(list.entry("front")->done, 1);
  EXPECT_EQ(list.entry("front")->photos.at(0).id, 2);  // the re-shot
  EXPECT_EQ(list.entry("spin")->done, 2);
  EXPECT_EQ(list.entry("detail")->done, 0);  // voided
  EXPECT_FALSE(list.ready());
  photos.push_back(photo(9, "detail", 1));
  EXPECT_TRUE(shoot_list(photos).ready());
  EXPECT_EQ(shot_spec("spin")->wanted, 24);
  EXPECT_EQ(shot_spec("box"), nullptr);
}

}  // namespace brilliant::studio
