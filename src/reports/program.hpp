// The funding program's outcome report (issue 19), as pure functions of the year's facts: per Seoul month,
// sales through the platform (GMV, orders, average order value) by channel (store, marketplaces reached
// through the channel feeds, live shows, B2B) and by workshop; participating and active workshops; new
// pieces; certification; the academy; exhibitions. A part nobody has used yet is "not yet in use", not
// zero. GMV is the merchandise value of paid orders (the pieces with their options, before coupon
// discounts and shipping), so the workshops' and the channels' rows add up to it; an order counts once,
// in the month (Seoul time) it was paid.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace brilliant::reports {

inline constexpr const char* sales_channels[] = {"store", "marketplaces", "live", "b2b"};
inline constexpr int channel_count = 4;
// Each channel's colour in the report's charts, on the page and in the PDF.
inline constexpr const char* channel_colours[channel_count] = {"#b08a3e", "#33738c", "#b84d5c", "#66666f"};

// One workshop's part (a parcel) of a paid order.
struct Sale {
  long long order_id = 0;
  std::string paid_at;  // UTC
  long long workshop_id = 0;
  std::string workshop;  // its Korean name
  long long amount = 0;  // won
  std::string channel;   // one of sales_channels
  std::string workshop_en;
};

// The channel an order came through: B2B when it was placed from a buyer's quote, live when it bought a
// live-only deal, marketplaces when its link came from a channel feed (utm_source naver, google or kakao
// with utm_medium shopping_feed or catalog_feed), else the store.
std::string channel_of(bool quote, bool live_deal, const std::string& utm_source,
                       const std::string& utm_medium);

// The parts of the program anyone has used (any row ever); the rest show "not yet in use".
struct InUse {
  bool live = false, b2b = false, certification = false, academy = false, exhibitions = false;
};

// Whether sales channel `c` (an index of sales_channels) is in use: the store and the feeds always are.
bool channel_in_use(const InUse& in_use, int c);

struct Certificate {
  long long workshop_id = 0;
  std::string valid_from, valid_until, status, issued_at;  // UTC
};

struct Facts {
  int year = 0;
  std::vector<Sale> sales;                                   // paid in the year
  std::vector<std::pair<long long, std::string>> workshops;  // active workshops and when they joined
  std::vector<std::string> published;                        // when pieces were first published
  std::vector<Certificate> certificates;                     // every certificate ever issued
  std::vector<std::string> products_certified;               // when each piece got its first eco claim
  std::vector<std::string> attended;                         // when trainees attended a session
  std::vector<std::string> completions;                      // when course certificates were issued
  std::vector<std::string> leads;                            // when exhibition leads were captured
  std::vector<std::string> contracts;                        // when buyers ordered from quotes
  InUse in_use;
};

struct Figures {
  long long orders = 0, gmv = 0;
  std::array<long long, channel_count> channel_orders{}, channel_gmv{};
  long long workshops = 0, active_workshops = 0, new_products = 0;
  long long certified_workshops = 0, certificates_issued = 0, products_certified = 0;
  long long trainees = 0, completions = 0;
  long long leads = 0, contracts = 0;  // exhibitions' leads; B2B orders placed from quotes
  long long aov() const { return orders ? (gmv + orders / 2) / orders : 0; }
};

struct WorkshopRow {
  long long id = 0;
  std::string name, name_en;  // Korean and English; the routes leave `name` in the reader's language
  long long orders = 0, gmv = 0;
};

struct Report {
  int year = 0;
  std::array<Figures, 12> months{};
  // Flows (orders, GMV, new pieces, certificates issued, trainees, completions) are the months' sums;
  // states (participating and certified workshops) are the year's end; active workshops are those that
  // sold in the year.
  Figures total;
  std::vector<WorkshopRow> workshops;  // by GMV, largest first
  InUse in_use;
};

Report build_report(const Facts& facts);

// The month (1-12) a stored UTC time falls in, Seoul time, when it falls in `year`; 0 otherwise.
int seoul_month(const std::string& utc, int year);
// "2026-05" for May 2026.
std::string month_label(int year, int month);
// The UTC bounds of a Seoul year: [from, to).
std::pair<std::string, std::string> year_bounds(int year);

// Words for the CSV's and PDF's headings, by key ("reports.gmv"), in the asked language.
using Words = std::function<std::string(const std::string& key)>;
// Months in rows, then the channels' and the workshops' rows, then the other parts; "not yet in use"
// where a part has no data (words("reports.not_in_use")).
std::string report_csv(const Report& report, const Words& words);
// A part's figure as the CSV and PDF print it: the number, or "not yet in use".
std::string figure(bool in_use, long long value, const Words& words);

}  // namespace brilliant::reports
