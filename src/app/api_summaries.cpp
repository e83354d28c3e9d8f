#include "app/api_summaries.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace brilliant::app {

void describe_api(web::Router& router) {
  using web::Method;
  const auto bodies = api_bodies();
  const struct {
    Method method;
    const char* pattern;
    const char* summary;
  } table[] = {
      {Method::get, "/api/v1/academy/courses",
       "The academy's courses with their practice tasks and coming sessions"},
      {Method::get, "/api/v1/academy/courses/{slug}",
       "A course: sessions with seats, materials; the caller's progress (workshop staff); their staff and "
       "enrolments (a workshop's owner)"},
      {Method::post, "/api/v1/academy/enrolments",
       "Enrol a staff member in a session (their workshop's owner, or the operator): a seat, else the "
       "waiting list"},
      {Method::post, "/api/v1/academy/enrolments/{id}/cancel",
       "Cancel an enrolment (the trainee, their owner or the operator); the first waiting gets the seat"},
      {Method::get, "/api/v1/console/academy",
       "The trainee's enrolments: the check-in token for the door's QR, progress on each task, certificates"},
      {Method::post, "/api/v1/console/academy/courses/{slug}/certificate",
       "Issue the trainee's signed completion certificate once they attended and did every task"},
      {Method::post, "/api/v1/academy/checkin/{token}",
       "Check a trainee in at the door (the instructor or the operator)"},
      {Method::get, "/api/v1/academy/teach",
       "The caller's sessions (all: the operator) with attendance and progress"},
      {Method::get, "/api/v1/operator/academy",
       "The academy's totals per course and per workshop (operator)"},
      {Method::post, "/api/v1/operator/academy/courses",
       "Make a course {slug, titles, summaries, tasks} (operator)"},
      {Method::post, "/api/v1/operator/academy/sessions",
       "Add a session {course_id, starts_at, place or video_url, capacity, instructor_email} (operator)"},
      {Method::get, "/api/v1/operator/channels",
       "The sales channels' feeds: addresses, pieces listed and left out, the category mapping (operator)"},
      {Method::put, "/api/v1/operator/channels/{channel}/categories/{category}",
       "Map one of our categories to a channel's own {external}; empty removes it (operator)"},
      {Method::get, "/api/v1/operator/reports/program",
       "The funding program's outcome report for ?year= (Seoul months): GMV, orders, channels, workshops, "
       "certification, academy; null for a part not yet in use (operator)"},
      {Method::get, "/api/v1/exhibitions",
       "Joint exhibitions, upcoming and past, with how many pieces each shows"},
      {Method::get, "/api/v1/exhibitions/{slug}",
       "An exhibition's line sheet in ?lang= ko, en, zh or ja; wholesale prices for approved buyers only"},
      {Method::get, "/api/v1/console/exhibitions",
       "Exhibitions with the caller's workshop's participation; once selected, its pieces and translations"},
      {Method::post, "/api/v1/console/exhibitions/{slug}/application",
       "Apply to take part in an exhibition {note} (workshop staff)"},
      {Method::put, "/api/v1/console/exhibitions/{slug}/pieces/{id}",
       "Bring (or stop bringing) one of the workshop's published pieces {bring, wholesale_price, "
       "min_quantity}"},
      {Method::put, "/api/v1/console/products/{id}/translations/{lang}",
       "A piece's name and story in zh or ja for line sheets {title, story, machine_draft}; empty title "
       "removes"},
      {Method::get, "/api/v1/operator/exhibitions",
       "Exhibitions with applicants and pieces, and the rates (operator)"},
      {Method::post, "/api/v1/operator/exhibitions",
       "Plan an exhibition {slug, names, city, country, venue, booth, dates, currency, cost} (operator)"},
      {Method::put, "/api/v1/operator/exhibitions/{slug}/workshops/{workshop_id}",
       "Select or decline a workshop that applied {state} (operator)"},
      {Method::get, "/api/v1/exhibitions/{slug}/leads",
       "The booth's leads with any conflicting edit kept beside (the operator, selected workshops' staff)"},
      {Method::post, "/api/v1/exhibitions/{slug}/leads",
       "Sync a lead from the booth app: 201 new, 200 unchanged or updated, 409 an edit on a stale copy kept "
       "beside"},
      {Method::post, "/api/v1/exhibitions/{slug}/leads/{id}/resolve",
       "Resolve a lead's conflict {choice: kept | theirs}"},
      {Method::get, "/api/v1/operator/exhibitions/{slug}/results",
       "A fair's results: leads by country and workshop, paid orders through its line sheet, its cost "
       "(operator)"},
      {Method::get, "/api/v1/tokens",
       "The caller's API tokens: name, created, expires (90 days), revoked; never the token itself"},
      {Method::delete_, "/api/v1/tokens/{id}", "Revoke one of the caller's API tokens"},
      {Method::get, "/api/v1/cart",
       "The visitor's cart, repriced at today's quotes (X-Cart-Token or cookie)"},
      {Method::post, "/api/v1/cart/lines", "Add a piece: variant_id, quantity, engraving, gift_wrap"},
      {Method::patch, "/api/v1/cart/lines/{id}", "Change a line's quantity"},
      {Method::delete_, "/api/v1/cart/lines/{id}", "Remove a line"},
      {Method::get, "/api/v1/checkout",
       "The cart priced as checkout will charge it: parcels per workshop, shipping (?postcode=), the "
       "coupon's discount (?coupon_code=, else the best automatic one), total"},
      {Method::post, "/api/v1/orders",
       "Place the cart as an order (Idempotency-Key header; recipient, phone, postcode, address, "
       "address_detail, note, expected_total, coupon_code)"},
      {Method::get, "/api/v1/orders", "The shopper's orders, newest first"},
      {Method::get, "/api/v1/operator/coupons",
       "Every coupon (the hub's and the workshops') with its state, budget used and results"},
      {Method::post, "/api/v1/operator/coupons", "Make a hub coupon (a code, or automatic)"},
      {Method::post, "/api/v1/operator/coupons/{id}/pause", "Pause or resume a coupon"},
      {Method::get, "/api/v1/console/coupons", "The workshop's own coupons with their results"},
      {Method::get, "/api/v1/operator/customers",
       "Customers a segment selects (?rules= or ?segment=): RFM group, churn risk, lifetime value; best "
       "first"},
      {Method::get, "/api/v1/operator/segments", "Saved segments with their sizes now"},
      {Method::get, "/api/v1/operator/marketing/dashboard",
       "The marketing dashboard (?days=7|30|90): funnel, paid revenue by day, by channel, campaign, coupon "
       "and workshop"},
      {Method::get, "/api/v1/console/marketing/dashboard",
       "The workshop's marketing dashboard: its pieces' funnel and its parcels' paid revenue, by source"},
      {Method::get, "/api/v1/operator/campaigns", "Campaigns with their state, and the segments to send to"},
      {Method::post, "/api/v1/operator/campaigns", "Make a campaign (a draft, or scheduled)"},
      {Method::get, "/api/v1/operator/campaigns/{id}",
       "A campaign with its results per variant (sent, opened, clicked, paid orders, revenue) and "
       "significance"},
      {Method::post, "/api/v1/operator/campaigns/{id}/test",
       "Mail each variant of a draft to the operator alone, marked [TEST]; counts for nobody's results"},
      {Method::get, "/api/v1/console/campaigns",
       "The workshop's own campaigns (sent only as tests to their author)"},
      {Method::post, "/api/v1/console/campaigns",
       "Write a workshop campaign {name, subject_a, body_a, ...}: no segment, for test sends (the academy's "
       "practice)"},
      {Method::post, "/api/v1/console/campaigns/{id}/test",
       "Mail the workshop's campaign to the caller alone, marked [TEST]"},
      {Method::post, "/api/v1/operator/campaigns/{id}/send",
       "Send now to the segment's customers who agreed (between 21:00 and 08:00 Seoul: scheduled for 08:00)"},
      {Method::post, "/api/v1/operator/segments", "Save conditions as a named segment"},
      {Method::post, "/api/v1/console/coupons",
       "Make a coupon for the workshop's pieces (the workshop bears the discount)"},
      {Method::post, "/api/v1/console/coupons/{id}/pause", "Pause or resume one of the workshop's coupons"},
      {Method::get, "/api/v1/orders/{number}",
       "One order with its parcels, lines, prices, quotes and history"},
      {Method::post, "/api/v1/orders/{number}/cancel", "Cancel an order that awaits payment (its shopper)"},
      {Method::get, "/api/v1/console/orders", "The workshop's part of every order holding its pieces"},
      {Method::get, "/api/v1/console/orders/{number}", "The workshop's part of one order"},
      {Method::get, "/api/v1/console/settlements",
       "The workshop's settlement statement for ?month=YYYY-MM: paid sales, commission, shipping, payout"},
      {Method::get, "/api/v1/operator/settlements",
       "Every workshop's statement totals for ?month=YYYY-MM (operator)"},
      {Method::get, "/api/v1/operator/settlements/{slug}",
       "One workshop's statement for ?month=YYYY-MM with its lines (operator)"},
      {Method::post, "/api/v1/console/orders/{number}/shipment",
       "Mark the workshop's parcel of a paid order shipped: carrier and waybill number"},
      {Method::get, "/api/v1/operator/orders", "Every order, newest first; ?status= to filter (operator)"},
      {Method::put, "/api/v1/operator/orders/{number}/status",
       "Confirm payment ({\"status\":\"paid\"}) or cancel with a reason (operator)"},
      {Method::get, "/api/v1/brand", "The joint brand's public name and colours"},
      {Method::get, "/api/v1/log/checkpoint",
       "The transparency log's signed checkpoint (tree size, root hash)"},
      {Method::get, "/api/v1/log/inclusion", "An entry and its inclusion proof in a tree of a given size"},
      {Method::get, "/api/v1/log/consistency", "A proof that a larger tree extends a smaller one"},
      {Method::get, "/api/v1/operator/brand",
       "Brand settings with shipping rules and commission rates (operator)"},
      {Method::put, "/api/v1/operator/brand", "Save brand settings (operator); refusals name the field"},
      {Method::get, "/api/v1/me/marketing",
       "Whether the caller receives marketing mail (their latest decision)"},
      {Method::put, "/api/v1/me/marketing",
       "Agree to or withdraw from marketing mail; a withdrawal holds at once"},
      {Method::get, "/api/v1/me/consents",
       "Every consent decision of the caller (terms, privacy, marketing) with the text's version and time"},
      {Method::get, "/api/v1/me/data",
       "Everything held about the caller: account, consents, sign-ins, API tokens, orders (PIPA §35)"},
      {Method::post, "/api/v1/me/close",
       "Close the caller's account with its password: erased, orders kept with personal data reduced, a mail "
       "confirms; refused while an order is open"},
      {Method::get, "/api/v1/operator/audit",
       "The audit trail: every change by staff, workshops, auditors and the operator, and every view of "
       "customers' personal data, newest first; ?q=, kind=change|view, from=, to= (Seoul dates), before= "
       "(operator)"},
      {Method::get, "/api/v1/console/audit",
       "The workshop's own staff's audit trail, same filters (its owner)"},
      {Method::get, "/api/v1/console/seller",
       "The workshop's seller particulars shown on its pieces and in order mails ({missing: true} until "
       "known)"},
      {Method::put, "/api/v1/console/seller",
       "Change the workshop's seller particulars (its owner); refusals name the field"},
      {Method::get, "/api/v1/legal",
       "The business particulars every page shows (상호, 대표자, 사업자등록번호, 통신판매업 신고번호, ...), "
       "whether the hub mediates, and the versions of the terms and privacy policy"},
      {Method::get, "/api/v1/operator/legal", "The business particulars and privacy settings (operator)"},
      {Method::put, "/api/v1/operator/legal",
       "Save the business particulars and privacy settings (operator); refusals name the field"},
      {Method::post, "/api/v1/operator/brand/logo", "Upload the brand logo as the request body (operator)"},
      {Method::get, "/api/v1/live", "Live shows: live now, upcoming (soonest first) and replays"},
      {Method::get, "/api/v1/live/{slug}",
       "A show: host, times, line-up, live deals with their countdowns, chapters, viewers now"},
      {Method::get, "/api/v1/live/{slug}/chat", "A show's chat as kept for its replay (?after=ID)"},
      {Method::post, "/api/v1/live/{slug}/reminders", "Ask for a mail ten minutes before the show starts"},
      {Method::post, "/api/v1/live/{slug}/deals/{id}/orders",
       "Buy from a live deal that is open: an order at the deal price, through checkout's rules"},
      {Method::get, "/api/v1/console/live", "The host's shows with their analytics (operators: every show)"},
      {Method::post, "/api/v1/console/live",
       "Schedule a show; the answer carries its stream key, shown this once"},
      {Method::get, "/api/v1/console/live/{slug}",
       "The host's panel: the show, its analytics, where to stream"},
      {Method::put, "/api/v1/console/live/{slug}",
       "Change a show's titles, time, line-up, notice, slow mode and banned words"},
      {Method::post, "/api/v1/console/live/{slug}/key", "Make a new stream key (the old one stops working)"},
      {Method::post, "/api/v1/console/live/{slug}/pin",
       "Show a piece now: viewers see it, the replay gets a chapter"},
      {Method::post, "/api/v1/console/live/{slug}/deals", "Add a live-only deal to the show"},
      {Method::post, "/api/v1/console/live/{slug}/deals/{id}/start",
       "Start a deal's countdown (while the show is live)"},
      {Method::post, "/api/v1/console/live/{slug}/end", "End the show (cancel it when it never went live)"},
      {Method::post, "/api/v1/console/live/{slug}/moderation",
       "Delete a chat message, mute a person for a while, or ban them from the show"},
      {Method::get, "/api/v1/commission",
       "The commission rate for ?workshop=&category= (most specific wins)"},
      {Method::get, "/api/v1/console/dashboard",
       "The workshop's views, add-to-cart, low stock and review states"},
      {Method::get, "/api/v1/console/products/{slug}", "A piece as the edit form's fields"},
      {Method::get, "/api/v1/console/products/{slug}/copy",
       "Copy written from the piece's facts in Korean and English, checked; ?model=1 also asks the language "
       "model"},
      {Method::put, "/api/v1/console/products/{slug}/copy",
       "Publish reviewed copy as the piece's titles and story, checked against its facts first"},
      {Method::put, "/api/v1/console/products/{slug}",
       "Edit a piece: the edit form's fields as a flat object; absent fields keep their values"},
      {Method::post, "/api/v1/console/products/import",
       "Import pieces as CSV (text/csv body); all or nothing"},
      {Method::get, "/api/v1/console/products/{slug}/photos", "A piece's photos in order, with renditions"},
      {Method::get, "/api/v1/operator/marketing/recommendations",
       "What the recommender knows: pairs bought and viewed together, and how much comes from history"},
      {Method::get, "/api/v1/console/live/{slug}/run-sheet",
       "A show's run-sheet: the line-up in order, what may be said of each piece, and its deals"},
      {Method::get, "/api/v1/console/products/{slug}/photos/coach",
       "The photo coach: each photo's blur, light, background and framing, with advice; views still missing"},
      {Method::post, "/api/v1/console/products/{slug}/photos", "Upload one photo as the request body"},
      {Method::put, "/api/v1/console/products/{slug}/photos",
       "Reorder photos: {\"order\": [ids], cover first}"},
      {Method::patch, "/api/v1/console/products/{slug}/photos/{id}",
       "Set a photo's alt text (alt_ko, alt_en)"},
      {Method::delete_, "/api/v1/console/products/{slug}/photos/{id}", "Take a photo off the piece"},
      {Method::get, "/api/v1/console/staff", "The workshop's people and waiting invitations"},
      {Method::post, "/api/v1/console/staff/invitations", "Invite by email (owner): {\"email\"}"},
      {Method::delete_, "/api/v1/console/staff/invitations/{id}", "Revoke a waiting invitation (owner)"},
      {Method::delete_, "/api/v1/console/staff/members/{id}", "Remove a staff member (owner)"},
      {Method::post, "/api/v1/invitations/accept", "Accept an invitation: {\"token\"} (the invited account)"},
      {Method::get, "/api/v1/console/profile", "The workshop's public profile"},
      {Method::put, "/api/v1/console/profile", "Edit the workshop's public profile"},
      {Method::post, "/api/v1/console/profile/photos", "Add a workshop photo as the request body"},
      {Method::get, "/api/v1/operator/todo",
       "The operator's work for today: transfers to confirm, parcels to ship, pieces and applications to "
       "review, low stock (operator)"},
      {Method::get, "/api/v1/operator/workshops", "Every workshop's standing (operator)"},
      {Method::put, "/api/v1/operator/workshops/{slug}/status",
       "Suspend ({\"status\":\"suspended\",\"reason\"}) or reinstate a workshop (operator)"},
      {Method::post, "/api/v1/applications/files",
       "Attach the maker's mark or a document: ?kind=mark|document"},
      {Method::get, "/api/v1/applications/mine", "The caller's application with its history"},
      {Method::get, "/api/v1/certificates",
       "The registry of eco certificates, active first; ?q= a workshop, number or product line"},
      {Method::get, "/api/v1/certificates/{certificate}",
       "A certificate: level, scope, validity, live status, history, evidence hashes and the signed "
       "credential"},
      {Method::post, "/api/v1/certificates/{certificate}/status",
       "Suspend, reinstate or withdraw a certificate with a reason (auditor or operator); public and logged"},
      {Method::get, "/api/v1/certification/scheme",
       "The published certification scheme: criteria and weights"},
      {Method::get, "/api/v1/certification/schemes", "Every scheme version, drafts included (operator)"},
      {Method::get, "/api/v1/console/certification",
       "The workshop's certification application (a new draft when none is open) and certificates"},
      {Method::post, "/api/v1/console/certification",
       "Save the self-assessment: answers per criterion, product lines, validity (draft only)"},
      {Method::post, "/api/v1/console/certification/submit", "Submit the application for audit"},
      {Method::post, "/api/v1/console/certification/evidence",
       "Attach evidence for a criterion as the request body: ?code=&name= (PDF or photo; its SHA-256 is "
       "logged)"},
      {Method::get, "/api/v1/console/products/{slug}/claims",
       "A piece's eco claims, those its workshop's certificate allows, and those the store shows"},
      {Method::put, "/api/v1/console/products/{slug}/claims",
       "Set a piece's eco claims, each with its evidence; unbacked claims are refused"},
      {Method::get, "/api/v1/audit/applications", "Applications waiting for or in audit (auditor)"},
      {Method::get, "/api/v1/audit/applications/{id}",
       "One application with answers, evidence, audits (auditor)"},
      {Method::post, "/api/v1/audit/applications/{id}/scores", "Score criteria 0..100 with notes (auditor)"},
      {Method::post, "/api/v1/audit/applications/{id}/decision",
       "Issue a certificate or refuse with a reason (auditor; never for a workshop they work for)"},
      {Method::post, "/api/v1/station/items",
       "Intake: a serial for a piece by its SKU, weight (g), hallmark and inscription (station staff)"},
      {Method::get, "/api/v1/items/{serial}", "An item with its whole history of station events and photos"},
      {Method::post, "/api/v1/items/{serial}/events",
       "Record a station's event (station, kind, note); appended to the transparency log"},
      {Method::post, "/api/v1/items/{serial}/events/{id}/photos",
       "Attach an evidence photo to an event as the request body: ?view= (its SHA-256 and perceptual hash "
       "logged)"},
      {Method::post, "/api/v1/packing/sessions",
       "Open (or resume) packing an order's parcel: {order, workshop}; refused while another person holds "
       "it"},
      {Method::get, "/api/v1/packing/sessions/{id}",
       "A packing session: lines packed, serials, shots, status"},
      {Method::post, "/api/v1/packing/sessions/{id}/items",
       "Pack a scanned serial: {serial}; refused when not in the parcel, one too many or packed before"},
      {Method::post, "/api/v1/packing/sessions/{id}/photos",
       "A packing shot as the request body: ?view=box|sealed, or piece|serial with &serial= of a packed "
       "piece (its SHA-256 and perceptual hash logged)"},
      {Method::post, "/api/v1/packing/sessions/{id}/close",
       "Finish: every piece packed and every shot taken; ships the parcel with {carrier, tracking}"},
      {Method::post, "/api/v1/items/{serial}/shots",
       "A studio shot of the item as the request body: ?name={SKU}_{view}_{n}.jpg (a tethered camera's file) "
       "or "
       "?view=&n=; a grey card (view card) has its colour checked"},
      {Method::get, "/api/v1/products/{slug}/shoot",
       "A product's shoot list: per view the frames wanted and shot, whether it can be published"},
      {Method::post, "/api/v1/products/{slug}/shoot/publish",
       "Publish the shoot: the stills become the product's photos on white, the spin frames its 360° view"},
      {Method::get, "/api/v1/products/{slug}/spin", "A product's 360° frames, in turning order (public)"},
      {Method::post, "/api/v1/returns",
       "A returned piece at the returns station: {serial, weight}; opens (or resumes) its inspection"},
      {Method::get, "/api/v1/returns/{id}",
       "A return's inspection: packing and return shots compared per view, weight, match score, decision"},
      {Method::post, "/api/v1/returns/{id}/photos",
       "A return shot as the request body: ?view=piece|serial (compared with the packing shot)"},
      {Method::post, "/api/v1/returns/{id}/decision",
       "Decide a return: {decision: accept|reject|escalate, reason}; logged; escalated ones are decided "
       "again"},
      {Method::get, "/api/v1/orders/{number}/evidence",
       "The evidence of one's own order: every photo and step of its parcels, each logged, and the proof's "
       "URL"},
      {Method::get, "/api/v1/console/orders/{number}/evidence",
       "The evidence of the workshop's parcel of an order (vendor staff)"},
      {Method::get, "/api/v1/operator/orders/{number}/evidence", "The evidence of any order (operator)"},
      {Method::post, "/api/v1/products/{slug}/view",
       "Count a product page view, with the pieces viewed before it in the visit (the page's beacon)"},
      {Method::post, "/api/v1/visits",
       "Count a visit's start with its traffic source (the page's beacon, once per browser tab)"},
      {Method::get, "/api/v1/products/{slug}/recommendations",
       "Pieces to show with this one: also like, complete the look; each with its reason"},
      {Method::get, "/api/v1/recommendations",
       "Pieces for a person from what they looked at (seen) and, logged in, bought; each with its reason"},
      {Method::get, "/api/v1/orders/{number}/returns", "One's own order's returns and exchanges"},
      {Method::post, "/api/v1/orders/{number}/returns",
       "Ask for a return or exchange of delivered pieces (Article 17: 7 days, 3 months for the seller's "
       "fault)"},
      {Method::post, "/api/v1/orders/{number}/returns/{id}/shipment",
       "The shopper's return parcel {carrier, tracking}"},
      {Method::get, "/api/v1/console/returns", "The workshop's returns and exchanges"},
      {Method::post, "/api/v1/console/returns/{id}/decision",
       "Approve or reject a return, or record its inspection (receive / decline) {action, note}"},
      {Method::get, "/api/v1/operator/returns", "Every return and exchange (operator)"},
      {Method::post, "/api/v1/operator/returns/{id}/decision",
       "The operator's decision on any return {action, note}"},
      {Method::post, "/api/v1/operator/returns/{id}/refund",
       "Refund an inspected return: the card through Toss, a transfer into the refund batch"},
      {Method::post, "/api/v1/orders/{number}/confirmation",
       "구매확정: confirm the purchase of every delivered parcel of one's own order (the workshops' ledger "
       "is "
       "credited)"},
      {Method::post, "/api/v1/console/orders/{number}/delivery",
       "Mark the workshop's shipped parcel delivered"},
      {Method::post, "/api/v1/operator/orders/{number}/delivery",
       "Mark every shipped parcel of an order delivered"},
      {Method::get, "/api/v1/operator/carriers", "Each carrier's tracking-page template (operator)"},
      {Method::put, "/api/v1/operator/carriers",
       "Set carriers' tracking-page templates: {carriers: [{carrier, tracking_url}]}"},
      {Method::post, "/api/v1/operator/deliveries",
       "A carrier's status export as CSV (text/csv body): its delivered rows mark their parcels delivered"},
      {Method::get, "/api/v1/console/ledger",
       "The workshop's ledger for a month (?month=YYYY-MM) and its closed months"},
      {Method::get, "/api/v1/operator/payouts",
       "A month's payouts: the frozen statements once closed, else the running ones"},
      {Method::post, "/api/v1/operator/payouts/{month}/close",
       "Close a month that has ended: each workshop's statement frozen from the ledger (once)"},
      {Method::post, "/api/v1/operator/payouts/{month}/paid", "Mark a closed month's payouts sent"},
      {Method::post, "/api/v1/operator/ledger/adjustments",
       "Append an adjustment to a workshop's ledger {workshop, amount, memo}"},
      {Method::post, "/api/v1/orders/{number}/payment-window",
       "Open a card payment window for one's own order awaiting payment: the parameters for Toss's SDK"},
      {Method::post, "/api/v1/payments/toss/confirm",
       "Confirm the window's payment {orderId, paymentKey, amount}: checked against the order, confirmed "
       "with the provider, the order paid once"},
      {Method::post, "/api/v1/payments/toss/webhook",
       "Toss Payments' PAYMENT_STATUS_CHANGED webhook; the payment is read back from Toss, never trusted "
       "from the body"},
      {Method::post, "/api/v1/operator/orders/{number}/refunds",
       "Refund an order's card payment in part {amount, reason} or whole {reason} (operator)"},
      {Method::get, "/api/v1/operator/orders/{number}/payments",
       "An order's card payment attempts with every transition and the provider's answers (operator)"},
  };
  size_t bodies_used = 0;
  for (const auto& row : table) {
    std::string body;
    for (const auto& b : bodies)
      if (b.method == row.method && std::string_view(b.pattern) == row.pattern) {
        body = b.body;
        ++bodies_used;
      }
    router.describe(row.method, row.pattern, row.summary, body);
  }
  if (bodies_used != bodies.size())
    throw std::logic_error("a request body is described for a route without a summary");
}

boost::json::object api_contract(const std::filesystem::path& root) {
  const auto file = root / "api" / "openapi.json";
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto value = boost::json::parse(text.str(), ec);
  if (ec || !value.is_object())
    throw std::runtime_error(file.string() + " is not a JSON object: " + ec.message());
  return value.as_object();
}

}  // namespace brilliant::app
