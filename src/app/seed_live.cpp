#include "app/seed_live.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "db/database.hpp"
#include "live/repo.hpp"
#include "ops/process.hpp"

namespace brilliant::app {

namespace {

// A Seoul evening `days` from now at 20:00, as a datetime-local field sends it.
std::string evening(TimePoint now, int days) {
  const auto seoul_day =
      std::chrono::floor<std::chrono::days>(now + std::chrono::hours(9)) + std::chrono::days(days);
  return format_utc(seoul_day + std::chrono::hours(20 - 9));
}

}  // namespace

bool make_demo_clip(const std::string& folder, int seconds) {
  std::filesystem::create_directories(folder);
  const auto result = ops::run_program({"ffmpeg",
                                        "-hide_banner",
                                        "-loglevel",
                                        "error",
                                        "-y",
                                        "-f",
                                        "lavfi",
                                        "-i",
                                        "testsrc=size=640x360:rate=25:duration=" + std::to_string(seconds),
                                        "-f",
                                        "lavfi",
                                        "-i",
                                        "sine=frequency=440:duration=" + std::to_string(seconds),
                                        "-c:v",
                                        "libx264",
                                        "-preset",
                                        "veryfast",
                                        "-g",
                                        "50",
                                        "-pix_fmt",
                                        "yuv420p",
                                        "-c:a",
                                        "aac",
                                        "-shortest",
                                        "-f",
                                        "hls",
                                        "-hls_time",
                                        "2",
                                        "-hls_playlist_type",
                                        "vod",
                                        "-hls_segment_filename",
                                        folder + "/%d.ts",
                                        folder + "/index.m3u8"});
  if (!result.ok()) spdlog::info("demo replay clip not made (ffmpeg: {})", result.output.substr(0, 200));
  return result.ok();
}

int seed_live(App& app, const std::string& operator_email, const std::string& shopper_email) {
  const bool any = app.database().read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM live_shows", soci::into(n);
    return n > 0;
  });
  const long long host_id = demo_user_id(app, operator_email), shopper_id = demo_user_id(app, shopper_email);
  const auto snap = app.catalog().snapshot();
  if (any || !host_id || snap->workshops.empty()) return 0;
  // The demo maker's workshop hosts, so that maker@ can run the show from the console.
  const auto* chosen = &snap->workshops.front();
  for (const auto& w : snap->workshops)
    if (w.slug == "iksan-gold") chosen = &w;
  const auto& workshop = *chosen;
  std::vector<long long> lineup;
  for (const auto& card : snap->cards)
    if (card.workshop_slug == workshop.slug && card.in_stock && lineup.size() < 4) lineup.push_back(card.id);
  web::Principal host;
  host.user_id = host_id;
  host.name = "Brilliant";
  host.roles = static_cast<uint32_t>(web::Role::operator_);
  const auto now = app.clock().now();
  auto upcoming = app.live().create(
      host, workshop.id,
      {"금반지의 밤: 장인이 보여주는 18K 반지", "Gold ring night: 18K rings from the bench",
       "익산 금세공방 장인이 반지를 하나씩 손에 끼워 보여 드립니다. 방송 중에만 여는 특가가 있습니다.",
       "The maker tries each ring on and answers your questions. Some prices exist only during the show.",
       evening(now, 1), lineup, 0, "", "방송 중 특가는 1인 1개입니다."});
  auto replay =
      app.live().create(host, 0,
                        {"다시 보기: 은반지가 만들어지기까지", "Replay: how a silver ring is made",
                         "허브 스튜디오에서 진행한 지난 방송입니다.", "Last week's show from the hub studio.",
                         evening(now, -7), lineup, 0, "", ""});
  if (!upcoming || !replay) {
    spdlog::error("demo shows: {}", (!upcoming ? upcoming.error() : replay.error()).message);
    return 0;
  }
  for (size_t i = 0; i < 2 && i < lineup.size(); ++i) {
    auto product = app.catalog().product(snap->cards[snap->by_id.at(lineup[i])].slug);
    if (!product || product->variants.empty()) continue;
    const auto& v = product->variants.front();
    auto deal = app.live().add_deal(upcoming->show.slug, host,
                                    {v.id, (v.price * 8 / 10) / 100 * 100, i == 0 ? 10 : 5, 1, 300});
    if (!deal) spdlog::error("demo deal: {}", deal.error().message);
  }
  // The replay: it ran last week, showed two pieces, and had a short chat.
  const auto show = replay->show;
  TimePoint start;
  parse_utc(show.scheduled_at, start);
  app.database().write([&](soci::session& sql) {
    live::repo::set_state(sql, show.id, live::State::live, format_utc(start));
    for (size_t i = 0; i < 2 && i < lineup.size(); ++i)
      live::repo::add_chapter(sql, show.id, lineup[i], format_utc(start + std::chrono::seconds(4 + 8 * i)));
    const char* lines[] = {"안녕하세요! 반지 너무 예뻐요", "은반지 사이즈 교환 되나요?", "13호 있나요?"};
    for (int i = 0; i < 3 && shopper_id; ++i)
      live::repo::insert_chat(
          sql, show.id,
          {0, shopper_id, "김지민", lines[i], format_utc(start + std::chrono::seconds(3 + 5 * i)), false});
    live::repo::set_state(sql, show.id, live::State::ended, format_utc(start + std::chrono::seconds(20)));
    live::repo::add_watch(sql, show.id, 37, 37 * 20);
  });
  const auto& hls = app.config().live.hls_dir;
  if (!hls.empty() && make_demo_clip((hls / show.slug).string(), 20))
    app.live().set_replay(show.slug, "/live/hls/" + show.slug + "/index.m3u8");
  spdlog::info("demo live shows: {} (upcoming), {} (replay)", upcoming->show.slug, show.slug);
  return 2;
}

}  // namespace brilliant::app
