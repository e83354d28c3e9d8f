#include "catalog/art.hpp"

#include <cstdio>
#include <string_view>

namespace brilliant::catalog {
namespace {

struct Palette {
  const char* light;
  const char* mid;
  const char* dark;
};

Palette metal_palette(const ArtSpec& s) {
  if (s.metal == "gold" && s.colour == "rose") return {"#f7d9c9", "#dca184", "#a8694d"};
  if (s.metal == "gold" && s.colour == "yellow") return {"#f8e8bf", "#d6ae5c", "#9a7431"};
  return {"#f4f6f8", "#c5cbd2", "#838c96"};  // white gold, silver, platinum
}

const char* stone_colour(std::string_view stone) {
  if (stone == "ruby") return "#c2183b";
  if (stone == "sapphire") return "#2346a8";
  if (stone == "emerald") return "#1f8a5b";
  if (stone == "pearl") return "#f3ecdf";
  if (stone == "amethyst") return "#8b4fb8";
  return "#e9f3fb";  // diamond, cubic zirconia, moissanite
}

const char* backgrounds[] = {"#f6f1ea", "#eef2f3", "#f3eef4", "#eef3ee", "#f5efe9", "#f1f0ec"};

std::string gem(double cx, double cy, double r, const char* colour, bool pearl) {
  char buf[600];
  if (pearl) {
    std::snprintf(buf, sizeof buf,
                  "<circle cx='%.1f' cy='%.1f' r='%.1f' fill='%s' stroke='#d9cfbd' stroke-width='1.5'/>"
                  "<circle cx='%.1f' cy='%.1f' r='%.1f' fill='#fff' opacity='.7'/>",
                  cx, cy, r, colour, cx - r * 0.35, cy - r * 0.35, r * 0.28);
  } else {
    std::snprintf(buf, sizeof buf,
                  "<path d='M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1f Z' fill='%s' stroke='#ffffff' "
                  "stroke-opacity='.8' stroke-width='1.5'/>"
                  "<path d='M%.1f %.1f H%.1f M%.1f %.1f L%.1f %.1f L%.1f %.1f' fill='none' stroke='#fff' "
                  "stroke-opacity='.6' stroke-width='1.2'/>",
                  cx, cy - r, cx + r, cy - r * 0.2, cx, cy + r, cx - r, cy - r * 0.2, colour, cx - r,
                  cy - r * 0.2, cx + r, cx - r * 0.4, cy - r * 0.2, cx, cy + r, cx + r * 0.4, cy - r * 0.2);
  }
  return buf;
}

}  // namespace

namespace {

// What every category's drawing needs.
struct Look {
  const Palette& p;
  const char* sc;  // the stone's colour
  bool has_stone, pearl;
  double wobble;         // a per-piece variation of the shape
  const std::string& c;  // the category
};

std::string ring_svg(const Look& look) {
  [[maybe_unused]] const auto& [p, sc, has_stone, pearl, wobble, c] = look;
  [[maybe_unused]] char body[1400];
  std::string out;
  std::snprintf(
      body, sizeof body,
      "<ellipse cx='200' cy='235' rx='%.1f' ry='%.1f' fill='none' stroke='url(#m)' stroke-width='20'/>"
      "<ellipse cx='200' cy='235' rx='%.1f' ry='%.1f' fill='none' stroke='#fff' stroke-opacity='.35' "
      "stroke-width='2'/>",
      100 - wobble, 92 - wobble, 88 - wobble, 80 - wobble);
  out += body;
  if (has_stone) out += gem(200, 140 + wobble, 30, sc, pearl);
  return out;
}

std::string necklace_svg(const Look& look) {
  [[maybe_unused]] const auto& [p, sc, has_stone, pearl, wobble, c] = look;
  [[maybe_unused]] char body[1400];
  std::string out;
  std::snprintf(body, sizeof body,
                "<path d='M70 70 Q200 %.1f 330 70' fill='none' stroke='url(#m)' stroke-width='%s' "
                "stroke-dasharray='%s'/>",
                300 - wobble, c == "necklace" ? "7" : "3", c == "necklace" ? "10 4" : "0");
  out += body;
  std::snprintf(body, sizeof body,
                "<circle cx='200' cy='%.1f' r='9' fill='none' stroke='url(#m)' stroke-width='5'/>",
                186 - wobble / 2);
  out += body;
  if (has_stone)
    out += gem(200, 232 - wobble / 2, 36, sc, pearl);
  else {
    std::snprintf(body, sizeof body, "<path d='M200 %.1f l30 40 l-30 40 l-30 -40 Z' fill='url(#m)'/>",
                  196 - wobble / 2);
    out += body;
  }
  return out;
}

std::string earrings_svg(const Look& look) {
  [[maybe_unused]] const auto& [p, sc, has_stone, pearl, wobble, c] = look;
  [[maybe_unused]] char body[1400];
  std::string out;
  for (double x : {140.0, 260.0}) {
    std::snprintf(body, sizeof body,
                  "<circle cx='%.1f' cy='110' r='14' fill='none' stroke='url(#m)' stroke-width='6'/>"
                  "<line x1='%.1f' y1='124' x2='%.1f' y2='%.1f' stroke='url(#m)' stroke-width='5'/>",
                  x, x, x, 200 - wobble);
    out += body;
    if (has_stone)
      out += gem(x, 232 - wobble, 30, sc, pearl);
    else {
      std::snprintf(body, sizeof body, "<path d='M%.1f %.1f q30 40 0 80 q-30 -40 0 -80 Z' fill='url(#m)'/>",
                    x, 200 - wobble);
      out += body;
    }
  }
  return out;
}

std::string bracelet_svg(const Look& look) {
  [[maybe_unused]] const auto& [p, sc, has_stone, pearl, wobble, c] = look;
  [[maybe_unused]] char body[1400];
  std::string out;
  std::snprintf(body, sizeof body,
                "<ellipse cx='200' cy='220' rx='140' ry='%.1f' fill='none' stroke='url(#m)' "
                "stroke-width='%s' stroke-dasharray='%s'/>",
                70 - wobble, c == "bracelet" ? "18" : "6", c == "bracelet" ? "0" : "9 5");
  out += body;
  if (has_stone)
    for (int i = -2; i <= 2; ++i)
      out += gem(200 + i * 46, 220 + (70 - wobble) * (1 - (i * i) / 9.0) * 0.98, 12, sc, pearl);
  return out;
}

std::string brooch_svg(const Look& look) {
  [[maybe_unused]] const auto& [p, sc, has_stone, pearl, wobble, c] = look;
  [[maybe_unused]] char body[1400];
  std::string out;
  for (int i = 0; i < 6; ++i) {
    std::snprintf(body, sizeof body,
                  "<ellipse cx='200' cy='150' rx='30' ry='70' fill='url(#m)' opacity='.9' "
                  "transform='rotate(%d 200 210)'/>",
                  i * 60);
    out += body;
  }
  out += gem(200, 210, 34, has_stone ? sc : p.light, pearl);
  return out;
}

std::string set_svg(const Look& look) {
  [[maybe_unused]] const auto& [p, sc, has_stone, pearl, wobble, c] = look;
  [[maybe_unused]] char body[1400];
  std::string out;
  out += "<ellipse cx='130' cy='250' rx='62' ry='56' fill='none' stroke='url(#m)' stroke-width='14'/>";
  out += "<path d='M220 60 Q300 220 380 60' fill='none' stroke='url(#m)' stroke-width='4'/>";
  if (has_stone) {
    out += gem(130, 185, 20, sc, pearl);
    out += gem(300, 180, 26, sc, pearl);
  }
  return out;
}

}  // namespace

std::string draw_svg(const ArtSpec& s) {
  const Palette p = metal_palette(s);
  const char* bg = backgrounds[s.seed % 6];
  const double wobble = (s.seed % 7) * 3.0;
  char head[700];
  std::snprintf(head, sizeof head,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 400' role='img'>"
                "<defs><linearGradient id='m' x1='0' y1='0' x2='1' y2='1'><stop offset='0' stop-color='%s'/>"
                "<stop offset='.5' stop-color='%s'/><stop offset='1' stop-color='%s'/></linearGradient>"
                "<radialGradient id='b' cx='.5' cy='.4' r='.7'><stop offset='0' stop-color='#ffffff'/>"
                "<stop offset='1' stop-color='%s'/></radialGradient></defs>"
                "<rect width='400' height='400' fill='url(#b)'/>"
                "<ellipse cx='200' cy='352' rx='120' ry='12' fill='#000' opacity='.06'/>",
                p.light, p.mid, p.dark, bg);
  std::string out = head;
  const Look look{p, stone_colour(s.stone), !s.stone.empty(), s.stone == "pearl", wobble, s.category};
  const auto& c = s.category;
  if (c == "ring") return out + ring_svg(look) + "</svg>";
  if (c == "necklace" || c == "pendant") return out + necklace_svg(look) + "</svg>";
  if (c == "earrings") return out + earrings_svg(look) + "</svg>";
  if (c == "bracelet" || c == "anklet") return out + bracelet_svg(look) + "</svg>";
  if (c == "brooch") return out + brooch_svg(look) + "</svg>";
  return out + set_svg(look) + "</svg>";  // a small ring and a pendant
}

}  // namespace brilliant::catalog
