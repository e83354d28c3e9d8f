#include "catalog/art.hpp"

#include <gtest/gtest.h>

namespace brilliant::catalog {

TEST(Art, DrawsEveryCategoryAsSvg) {
  for (const char* category :
       {"ring", "necklace", "pendant", "earrings", "bracelet", "anklet", "brooch", "set"})
    for (const char* stone : {"", "ruby", "pearl"}) {
      auto svg = draw_svg({category, "gold", "rose", stone, 3});
      EXPECT_TRUE(svg.starts_with("<svg")) << category;
      EXPECT_TRUE(svg.ends_with("</svg>")) << category;
      EXPECT_LT(svg.size(), 6000u);
    }
}

TEST(Art, DeterministicAndVaried) {
  EXPECT_EQ(draw_svg({"ring", "gold", "yellow", "diamond", 1}),
            draw_svg({"ring", "gold", "yellow", "diamond", 1}));
  EXPECT_NE(draw_svg({"ring", "gold", "yellow", "diamond", 1}),
            draw_svg({"ring", "silver", "white", "ruby", 2}));
}

}  // namespace brilliant::catalog
