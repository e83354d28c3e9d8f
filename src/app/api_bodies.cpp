#include "app/api_summaries.hpp"

namespace brilliant::app {
namespace {

using web::Method;

// Parts of request bodies that several routes share.
const std::string address =
    R"("recipient":{"type":"string","maxLength":40},"phone":{"type":"string","example":"010-1234-5678"},)"
    R"("postcode":{"type":"string","pattern":"^[0-9]{5}$"},"address":{"type":"string","maxLength":200},)"
    R"("address_detail":{"type":"string","maxLength":100},"note":{"type":"string","maxLength":200})";
const std::string live_show =
    R"({"type":"object","required":["title_ko","title_en","scheduled_at"],"properties":{)"
    R"("title_ko":{"type":"string","maxLength":120},"title_en":{"type":"string","maxLength":120},)"
    R"("description_ko":{"type":"string"},"description_en":{"type":"string"},)"
    R"("scheduled_at":{"type":"string","example":"2026-12-01T20:00","description":"Seoul time, or UTC )"
    R"(text such as 2026-12-01T11:00:00Z"},"lineup":{"type":"array","items":{"type":"integer"},"maxItems":30,)"
    R"("description":"product ids in order; the host's own pieces on sale, any for the hub"},)"
    R"("workshop_id":{"type":"integer","description":"operators: the hosting workshop, 0 for the hub"},)"
    R"("slow_mode_seconds":{"type":"integer","minimum":0,"maximum":300},"banned_words":{"type":"string",)"
    R"("description":"one per line"},"notice":{"type":"string","maxLength":300},"rehearsal":{"type":)"
    R"("boolean","description":"private: only the host and the operator see it; the academy's practice show"}}})";
const std::string coupon =
    R"({"type":"object","required":["name_ko","name_en","kind","starts_at"],"properties":{)"
    R"("code":{"type":"string","example":"WELCOME10","description":"3-32 letters, digits, - or _; omit with )"
    R"(automatic"},"automatic":{"type":"boolean","description":"no code: applied when its conditions hold"},)"
    R"("name_ko":{"type":"string","maxLength":60},"name_en":{"type":"string","maxLength":60},)"
    R"("kind":{"enum":["percent","fixed","free_shipping"]},"value":{"type":"integer","description":)"
    R"("percent: 1-90; fixed: won"},"max_discount":{"type":"integer","description":"percent: a cap in won"},)"
    R"("min_subtotal":{"type":"integer","description":"won of covered pieces"},"categories":{"type":)"
    R"("string","example":"ring, necklace"},"budget":{"type":"integer","description":"won in all; 0: no )"
    R"(limit"},"per_customer":{"type":"integer","minimum":0,"default":1},"first_order":{"type":"boolean"},)"
    R"("workshop_bears":{"type":"boolean","description":"the hub's coupon: each workshop bears its share"},)"
    R"("segment_id":{"type":"integer","description":"the hub's coupon: only this saved segment's members"},)"
    R"("starts_at":{"type":"string","example":"2026-12-01","description":"a Seoul day, or UTC text"},)"
    R"("ends_at":{"type":"string","description":"the last Seoul day; empty: open-ended"}}})";
const std::string pause =
    R"({"type":"object","required":["paused"],"properties":{"paused":{"type":"boolean"}}})";

// A campaign's fields (the hub's go to segment_id; a workshop's have none: they are sent only as tests).
const std::string campaign_fields =
    R"("name":{"type":"string","maxLength":80},"segment_id":{"type":"integer"},"subject_a":{"type":"string",)"
    R"("maxLength":80,"description":"(광고) is put in front"},"body_a":{"type":"string","description":"{name}: )"
    R"(the recipient's name; a blank line starts a paragraph"},"subject_b":{"type":"string","description":)"
    R"("B variant (A/B test); empty: none"},"body_b":{"type":"string"},"link_path":{"type":"string",)"
    R"("example":"/shop"},"coupon_code":{"type":"string"},"scheduled_at":{"type":"string","example":)"
    R"("2026-12-01T10:00","description":"Seoul time; empty: when sent"})";

// The request bodies of the marketing tools, live shows, packing and the copy assistant.
std::vector<ApiBody> marketing_live_and_studio_bodies() {
  return {
      {Method::post, "/api/v1/operator/coupons", coupon},
      {Method::post, "/api/v1/operator/campaigns",
       R"({"type":"object","required":["name","segment_id","subject_a","body_a"],"properties":{)" +
           campaign_fields + "}}"},
      {Method::post, "/api/v1/operator/campaigns/{id}/send", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/operator/segments",
       R"({"type":"object","required":["name","rules"],"properties":{"name":{"type":"string","maxLength":60},)"
       R"("rules":{"type":"string","example":"metal = gold\nwithin_days = 90\nspent > 500000"}}})"},
      {Method::post, "/api/v1/console/coupons", coupon},
      {Method::post, "/api/v1/operator/coupons/{id}/pause", pause},
      {Method::post, "/api/v1/console/coupons/{id}/pause", pause},
      {Method::post, "/api/v1/packing/sessions",
       R"({"type":"object","required":["order"],"properties":{"order":{"type":"string"},)"
       R"("workshop":{"type":"string","description":"the workshop's slug when the order has several parcels"}}})"},
      {Method::post, "/api/v1/packing/sessions/{id}/items",
       R"({"type":"object","required":["serial"],"properties":{"serial":{"type":"string","example":"IT-7K2M-Q9PX"}}})"},
      {Method::post, "/api/v1/packing/sessions/{id}/close",
       R"({"type":"object","required":["carrier","tracking"],"properties":{"carrier":{"type":"string",)"
       R"("enum":["cj","post","hanjin","lotte","logen"]},"tracking":{"type":"string"}}})"},
      {Method::post, "/api/v1/products/{slug}/shoot/publish", R"({"type":"object","properties":{}})"},
      {Method::put, "/api/v1/console/products/{slug}/copy",
       R"({"type":"object","required":["title_ko","title_en","description_ko","description_en"],"properties":{)"
       R"("title_ko":{"type":"string"},"title_en":{"type":"string"},"description_ko":{"type":"string",)"
       R"("description":"becomes the piece's Korean story"},"description_en":{"type":"string"}}})"},
      {Method::post, "/api/v1/console/live", live_show},
      {Method::put, "/api/v1/console/live/{slug}", live_show},
      {Method::post, "/api/v1/console/live/{slug}/key", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/console/live/{slug}/end", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/console/live/{slug}/pin",
       R"({"type":"object","required":["product_id"],"properties":{"product_id":{"type":"integer"}}})"},
      {Method::post, "/api/v1/console/live/{slug}/deals",
       R"({"type":"object","required":["variant_id","price","quantity"],"properties":{"variant_id":{"type":"integer",)"
       R"("description":"a variant of a piece in the line-up"},"price":{"type":"integer","description":"won, below )"
       R"(the regular price"},"quantity":{"type":"integer","minimum":1,"maximum":10000},"per_customer":{"type":)"
       R"("integer","minimum":1,"maximum":10,"default":1},"duration_seconds":{"type":"integer","minimum":10,)"
       R"("maximum":7200,"default":300}}})"},
      {Method::post, "/api/v1/console/live/{slug}/deals/{id}/start", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/console/live/{slug}/moderation",
       R"({"type":"object","required":["action"],"properties":{"action":{"type":"string","enum":["delete","mute",)"
       R"("ban"]},"message_id":{"type":"integer","description":"delete: the chat message"},"user_id":{"type":)"
       R"("integer","description":"mute, ban: the person"},"seconds":{"type":"integer","minimum":0,"maximum":)"
       R"(86400,"default":300,"description":"mute: how long; 0 lifts it"}}})"},
      {Method::post, "/api/v1/console/live/{slug}/moderators",
       R"({"type":"object","required":["email"],"properties":{"email":{"type":"string","format":"email",)"
       R"("description":"the account's email"}}})"},
      {Method::post, "/api/v1/console/live/{slug}/targets",
       R"({"type":"object","required":["url","key"],"properties":{"url":{"type":"string","description":)"
       R"("the platform's RTMP ingest address, rtmp:// or rtmps://, without the key"},"key":{"type":"string",)"
       R"("maxLength":200,"description":"the platform's stream key, kept sealed and never shown again"},"label":)"
       R"({"type":"string","maxLength":40,"description":"a name for it; empty: the platform's"}}})"},
      {Method::post, "/api/v1/live/{slug}/reminders", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/live/{slug}/deals/{id}/orders",
       R"({"type":"object","required":["recipient","phone","postcode","address"],"properties":{"quantity":)"
       R"({"type":"integer","minimum":1,"default":1},)" +
           address + "}}"},
  };
}

// The request bodies of sellers, personal data, payments, returns, deliveries and payouts.
std::vector<ApiBody> money_bodies() {
  return {
      {Method::put, "/api/v1/console/seller",
       R"({"type":"object","required":["company","representative","registration_no","address","phone"],)"
       R"("properties":{"company":{"type":"string"},"representative":{"type":"string"},)"
       R"("registration_no":{"type":"string","description":"10 digits, hyphens allowed"},"address":{"type":"string"},)"
       R"("phone":{"type":"string"},"email":{"type":"string"}}})"},
      {Method::put, "/api/v1/me/marketing",
       R"({"type":"object","required":["agreed"],"properties":{"agreed":{"type":"boolean"}}})"},
      {Method::post, "/api/v1/me/close",
       R"({"type":"object","required":["password"],"properties":{"password":{"type":"string"}}})"},
      {Method::post, "/api/v1/orders/{number}/payment-window", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/orders/{number}/virtual-account",
       R"({"type":"object","required":["bank"],"properties":{"bank":{"enum":["04","88","20","81","11","03"],)"
       R"("description":"Toss's bank code: KB 04, Shinhan 88, Woori 20, Hana 81, NH 11, IBK 03"}}})"},
      {Method::post, "/api/v1/orders/{number}/confirmation", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/orders/{number}/returns",
       R"({"type":"object","required":["lines","reason"],"properties":{"lines":{"type":"array","items":{"type":"integer"},)"
       R"("description":"order line ids of one delivered parcel"},"kind":{"type":"string","enum":["return","exchange"]},)"
       R"("reason":{"type":"string","enum":["change_of_mind","wrong_size","defective","not_as_described","wrong_item"]},)"
       R"("details":{"type":"string","maxLength":1000},"exchange_variant_id":{"type":"integer","description":"an )"
       R"(exchange (one line): the size wanted, a variant of the same product (its own for a like-for-like )"
       R"(replacement); set aside from stock at once"},"refund_account":{"type":"string","description":"a )"
       R"(bank-transfer order: bank, number, holder"}}})"},
      {Method::post, "/api/v1/orders/{number}/returns/{id}/shipment",
       R"({"type":"object","required":["carrier","tracking"],"properties":{"carrier":{"type":"string",)"
       R"("enum":["cj","post","hanjin","lotte","logen"]},"tracking":{"type":"string"}}})"},
      {Method::post, "/api/v1/orders/{number}/returns/{id}/interest-account",
       R"({"type":"object","required":["refund_account"],"properties":{"refund_account":{"type":"string",)"
       R"("maxLength":100,"description":"one line: bank, account number and holder"}}})"},
      {Method::post, "/api/v1/operator/returns/transferred",
       R"({"type":"object","required":["ids"],"properties":{"ids":{"type":"array","items":{"type":"integer"},)"
       R"("description":"the returns whose lines of the refund file the bank transferred"}}})"},
      {Method::post, "/api/v1/console/returns/{id}/decision",
       R"({"type":"object","required":["action"],"properties":{"action":{"type":"string","enum":["approve","reject",)"
       R"("receive","decline"]},"note":{"type":"string","maxLength":1000}}})"},
      {Method::post, "/api/v1/operator/returns/{id}/decision",
       R"({"type":"object","required":["action"],"properties":{"action":{"type":"string","enum":["approve","reject",)"
       R"("receive","decline"]},"note":{"type":"string","maxLength":1000}}})"},
      {Method::post, "/api/v1/operator/returns/{id}/refund", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/console/orders/{number}/delivery", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/operator/orders/{number}/delivery", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/operator/payouts/{month}/close", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/operator/payouts/{month}/paid", R"({"type":"object","properties":{}})"},
      {Method::post, "/api/v1/operator/deposits/{id}/confirmation",
       R"({"type":"object","required":["order"],"properties":{"order":{"type":"string","description":"the order )"
       R"(number this deposit pays; its total must equal the deposit"}}})"},
      {Method::post, "/api/v1/operator/deposits/{id}/set-aside",
       R"({"type":"object","required":["note"],"properties":{"note":{"type":"string","minLength":1,"maxLength":200}}})"},
      {Method::post, "/api/v1/operator/deposits/confirm-certain", R"({"type":"object","properties":{}})"},
      {Method::put, "/api/v1/operator/carriers",
       R"({"type":"object","required":["carriers"],"properties":{"carriers":{"type":"array","items":{"type":"object",)"
       R"("required":["carrier","tracking_url"],"properties":{"carrier":{"type":"string","enum":["cj","post","hanjin",)"
       R"("lotte","logen"]},"tracking_url":{"type":"string","example":"https://trace.example/?no={tracking}"}}}}}})"},
      {Method::post, "/api/v1/operator/ledger/adjustments",
       R"({"type":"object","required":["workshop","amount","memo"],"properties":{"workshop":{"type":"string",)"
       R"("description":"the workshop's code"},"amount":{"type":"integer","description":"won; negative for a debit"},)"
       R"("memo":{"type":"string","maxLength":300}}})"},
      {Method::post, "/api/v1/payments/toss/confirm",
       R"({"type":"object","required":["orderId","paymentKey","amount"],"properties":{"orderId":{"type":"string",)"
       R"("description":"the window's orderId"},"paymentKey":{"type":"string"},"amount":{"type":"integer"}}})"},
      {Method::post, "/api/v1/payments/toss/webhook",
       R"({"type":"object","required":["eventType"],"properties":{"eventType":{"type":"string",)"
       R"("example":"PAYMENT_STATUS_CHANGED"},"createdAt":{"type":"string"},"data":{"type":"object",)"
       R"("description":"Toss's Payment object: only orderId and paymentKey are read, the rest is asked again"}}})"},
      {Method::post, "/api/v1/operator/orders/{number}/refunds",
       R"({"type":"object","required":["reason"],"properties":{"amount":{"type":["integer","null"],"minimum":1,)"
       R"("description":"won to refund; left out: all that is left"},"reason":{"type":"string","maxLength":200},)"
       R"("refund_account":{"type":"string","description":"a virtual account's payment: the shopper's bank, )"
       R"(account number and holder, where Toss sends the money back"}}})"},
      {Method::post, "/api/v1/returns",
       R"({"type":"object","required":["serial","weight"],"properties":{"serial":{"type":"string",)"
       R"("example":"IT-7K2M-Q9PX"},"weight":{"type":"string","example":"3.19","description":"grams now"}}})"},
      {Method::post, "/api/v1/returns/{id}/decision",
       R"({"type":"object","required":["decision"],"properties":{"decision":{"type":"string",)"
       R"("enum":["accept","reject","escalate"]},"reason":{"type":"string","maxLength":2000,)"
       R"("description":"needed unless accepting a match"}}})"},
  };
}

// The request bodies of the studio's items, certification, the cart and orders.
std::vector<ApiBody> catalog_and_trust_bodies() {
  return {
      {Method::post, "/api/v1/station/items",
       R"({"type":"object","required":["sku","weight"],"properties":{"sku":{"type":"string"},)"
       R"("weight":{"type":"string","example":"3.25","description":"grams, up to two decimals"},)"
       R"("hallmark":{"type":"string"},"inscription":{"type":"string"}}})"},
      {Method::post, "/api/v1/items/{serial}/events",
       R"({"type":"object","required":["station","kind"],"properties":{"station":{"type":"string",)"
       R"("enum":["intake","studio","qa","packing","returns"]},"kind":{"type":"string"},"note":{"type":"string"}}})"},
      {Method::post, "/api/v1/console/certification",
       R"({"type":"object","properties":{"product_lines":{"type":"string","maxLength":2000},)"
       R"("validity_years":{"type":"integer","enum":[1,3]},"answers":{"type":"array","items":{"type":"object",)"
       R"("required":["code","self_score"],"properties":{"code":{"type":"string"},)"
       R"("self_score":{"type":"integer","minimum":0,"maximum":100},"self_note":{"type":"string"}}}}}})"},
      {Method::put, "/api/v1/console/products/{slug}/claims",
       R"({"type":"object","required":["claims"],"properties":{"claims":{"type":"array","items":{"type":"object",)"
       R"("required":["claim","evidence"],"properties":{"claim":{"type":"string"},"evidence":{"type":"string",)"
       R"("description":"what backs it for this piece, e.g. a metal lot record"}}}}}})"},
      {Method::post, "/api/v1/audit/applications/{id}/scores",
       R"({"type":"object","required":["scores"],"properties":{"scores":{"type":"array","items":{"type":"object",)"
       R"("required":["code","score"],"properties":{"code":{"type":"string"},)"
       R"("score":{"type":"integer","minimum":0,"maximum":100},"note":{"type":"string"}}}}}})"},
      {Method::post, "/api/v1/audit/applications/{id}/decision",
       R"({"type":"object","required":["decision"],"properties":{"decision":{"type":"string","enum":["issue","refuse"]},)"
       R"("reason":{"type":"string","description":"required to refuse"}}})"},
      {Method::post, "/api/v1/certificates/{certificate}/status",
       R"({"type":"object","required":["action","reason"],"properties":{"action":{"type":"string",)"
       R"("enum":["suspend","reinstate","withdraw"]},"reason":{"type":"string","minLength":1}}})"},
      {Method::post, "/api/v1/cart/lines",
       R"({"type":"object","required":["variant_id"],"properties":{"variant_id":{"type":"integer"},)"
       R"("quantity":{"type":"integer","minimum":1,"maximum":10},"engraving":{"type":"string"},)"
       R"("gift_wrap":{"type":"boolean"}}})"},
      {Method::patch, "/api/v1/cart/lines/{id}",
       R"({"type":"object","required":["quantity"],"properties":{"quantity":{"type":"integer","minimum":0,)"
       R"("maximum":10,"description":"0 removes the line"}}})"},
      {Method::post, "/api/v1/orders",
       R"({"type":"object","required":["recipient","phone","postcode","address"],"properties":{)" + address +
           R"(,"expected_total":{"type":"integer","description":"the total (won) the shopper saw; 409 if )"
           R"(it changed"},"coupon_code":{"type":"string","description":"a coupon code; 422 naming )"
           R"(coupon_code with the reason when it does not apply"},"depositor":{"type":"string","maxLength":20,)"
           R"("description":"the name the bank transfer will carry, when not the orderer's"},"cash_receipt":)"
           R"({"enum":["none","income","expense"]},"cash_receipt_id":{"type":"string","description":"a mobile )"
           R"(number or cash-receipt card for income, a business registration number for expense"}}})"},
      {Method::post, "/api/v1/console/orders/{number}/shipment",
       R"({"type":"object","required":["carrier","tracking"],"properties":{"carrier":{"enum":["cj","post",)"
       R"("hanjin","lotte","logen"]},"tracking":{"type":"string","description":"8 to 14 digits"}}})"},
      {Method::put, "/api/v1/operator/orders/{number}/status",
       R"({"type":"object","required":["status"],"properties":{"status":{"enum":["paid","cancelled"]},)"
       R"("reason":{"type":"string","maxLength":500,"description":"required to cancel"}}})"},
  };
}

// The request bodies of the academy and the practice it asks for (a workshop's test campaigns).
std::vector<ApiBody> academy_bodies() {
  const std::string empty = R"({"type":"object","properties":{}})";
  return {
      {Method::post, "/api/v1/console/campaigns",
       R"({"type":"object","required":["name","subject_a","body_a"],"properties":{)" + campaign_fields +
           "}}"},
      {Method::post, "/api/v1/console/campaigns/{id}/test", empty},
      {Method::post, "/api/v1/operator/campaigns/{id}/test", empty},
      {Method::post, "/api/v1/academy/enrolments",
       R"({"type":"object","required":["session_id","user_id"],"properties":{"session_id":{"type":"integer"},)"
       R"("user_id":{"type":"integer","description":"a staff member of the owner's workshop; any staff member for the operator"}}})"},
      {Method::post, "/api/v1/academy/enrolments/{id}/cancel", empty},
      {Method::post, "/api/v1/academy/checkin/{token}", empty},
      {Method::post, "/api/v1/console/academy/courses/{slug}/certificate", empty},
      {Method::post, "/api/v1/operator/academy/courses",
       R"({"type":"object","required":["slug","title_ko","title_en"],"properties":{"slug":{"type":"string",)"
       R"("pattern":"^[a-z0-9-]{1,60}$"},"title_ko":{"type":"string","maxLength":160},"title_en":{"type":)"
       R"("string","maxLength":160},"summary_ko":{"type":"string","maxLength":2000},"summary_en":{"type":)"
       R"("string","maxLength":2000},"tasks":{"type":"string","example":"copy photos","description":"practice )"
       R"(tasks, space separated: copy, photos, live, campaign, coupon"}}})"},
      {Method::post, "/api/v1/operator/academy/sessions",
       R"({"type":"object","required":["course_id","starts_at","capacity"],"properties":{"course_id":{"type":)"
       R"("integer"},"starts_at":{"type":"string","example":"2026-12-10T14:00","description":"Seoul time, or )"
       R"(UTC text"},"place":{"type":"string","maxLength":200},"video_url":{"type":"string","description":)"
       R"("place or video_url is required"},"capacity":{"type":"integer","minimum":1,"maximum":1000},)"
       R"("instructor_email":{"type":"string","description":"an account that checks trainees in"}}})"},
      {Method::post, "/api/v1/console/exhibitions/{slug}/application",
       R"({"type":"object","properties":{"note":{"type":"string","maxLength":1000,"description":)"
       R"("what the workshop would bring; may be left out"}}})"},
      {Method::put, "/api/v1/console/exhibitions/{slug}/pieces/{id}",
       R"({"type":"object","properties":{"bring":{"type":"boolean","default":true},"wholesale_price":{"type":)"
       R"("integer","minimum":0,"description":"won a piece; 0 shows 'on request'"},"min_quantity":{"type":)"
       R"("integer","minimum":1,"default":1}}})"},
      {Method::put, "/api/v1/console/products/{id}/translations/{lang}",
       R"({"type":"object","required":["title"],"properties":{"title":{"type":"string","maxLength":120},)"
       R"("story":{"type":"string","maxLength":4000},"machine_draft":{"type":"boolean","default":false}}})"},
      {Method::post, "/api/v1/operator/exhibitions",
       R"({"type":"object","required":["slug","name_ko","name_en","city","country","starts_on","ends_on"],)"
       R"("properties":{"slug":{"type":"string","pattern":"^[a-z0-9-]{3,60}$"},"name_ko":{"type":"string"},)"
       R"("name_en":{"type":"string"},"city":{"type":"string"},"country":{"type":"string","example":"HK"},)"
       R"("venue":{"type":"string"},"booth":{"type":"string"},"starts_on":{"type":"string","format":"date"},)"
       R"("ends_on":{"type":"string","format":"date"},"currency":{"type":"string","example":"HKD"},)"
       R"("cost":{"type":"integer","minimum":0,"description":"won"}}})"},
      {Method::put, "/api/v1/operator/exhibitions/{slug}/workshops/{workshop_id}",
       R"({"type":"object","required":["state"],"properties":{"state":{"type":"string","enum":["selected",)"
       R"("declined"]}}})"},
      {Method::post, "/api/v1/exhibitions/{slug}/leads",
       R"({"type":"object","required":["client_id","name"],"properties":{"client_id":{"type":"string",)"
       R"("pattern":"^[A-Za-z0-9-]{8,64}$","description":"made on the device; a retried sync never duplicates"},)"
       R"("base_version":{"type":"integer","minimum":0,"description":"the version edited; 0 for a new lead"},)"
       R"("name":{"type":"string","maxLength":120},"company":{"type":"string"},"email":{"type":"string"},)"
       R"("phone":{"type":"string"},"country":{"type":"string","example":"JP"},"interests":{"type":"array",)"
       R"("items":{"type":"integer"},"description":"product ids shown at the fair"},"rating":{"type":"integer",)"
       R"("minimum":0,"maximum":5},"notes":{"type":"string"},"consent":{"type":"boolean"},"captured_at":)"
       R"({"type":"string","description":"UTC, on the device"}}})"},
      {Method::post, "/api/v1/exhibitions/{slug}/leads/{id}/resolve",
       R"({"type":"object","required":["choice"],"properties":{"choice":{"type":"string","enum":["kept",)"
       R"("theirs"]}}})"},
      {Method::put, "/api/v1/operator/channels/{channel}/categories/{category}",
       R"({"type":"object","required":["external"],"properties":{"external":{"type":"string","maxLength":250,)"
       R"("example":"200","description":"Naver's category number, Google's product taxonomy number, or )"
       R"(Kakao's category path; empty removes the mapping"}}})"},
  };
}

// The request bodies of B2B: buyers' applications, quotes and their answers.
std::vector<ApiBody> b2b_bodies() {
  return {
      {Method::post, "/api/v1/buyer/application",
       R"({"type":"object","required":["company","country"],"properties":{"company":{"type":"string",)"
       R"("maxLength":120},"country":{"type":"string","example":"TH","description":"ISO 3166 alpha-2"},)"
       R"("website":{"type":"string","example":"https://shop.example"},"note":{"type":"string",)"
       R"("maxLength":1000}}})"},
      {Method::post, "/api/v1/buyer/quotes",
       R"({"type":"object","required":["product","quantity"],"properties":{"product":{"type":"string",)"
       R"("description":"the piece's slug"},"variant_id":{"type":"integer","description":"0 or absent: the )"
       R"(first"},"quantity":{"type":"integer","minimum":1,"maximum":100000},"note":{"type":"string",)"
       R"("maxLength":1000},"exhibition":{"type":"string","description":"the fair's slug, when asked from its )"
       R"(line sheet"}}})"},
      {Method::post, "/api/v1/buyer/quotes/{number}/order",
       R"({"type":"object","required":["recipient","phone","postcode","address"],"properties":{"recipient":)"
       R"({"type":"string"},"phone":{"type":"string"},"postcode":{"type":"string","pattern":"^[0-9]{5}$"},)"
       R"("address":{"type":"string"},"address_detail":{"type":"string"},"note":{"type":"string"},"quantity":)"
       R"({"type":"integer","minimum":1,"description":"default: the quote's; at least its minimum"}}})"},
      {Method::post, "/api/v1/buyer/quotes/{number}/withdraw",
       R"({"type":"object","properties":{"note":{"type":"string","maxLength":1000}}})"},
      {Method::post, "/api/v1/console/quotes/{number}/answer",
       R"({"type":"object","required":["unit_price"],"properties":{"unit_price":{"type":"integer","minimum":1,)"
       R"("description":"won a piece"},"min_quantity":{"type":"integer","minimum":1,"default":1},"lead_days":)"
       R"({"type":"integer","minimum":0,"maximum":365,"default":0,"description":"0: from stock; more: made )"
       R"(for the order"},"valid_days":{"type":"integer","minimum":1,"maximum":90,"default":14},"note":)"
       R"({"type":"string","maxLength":1000},"send":{"type":"boolean","default":true}}})"},
      {Method::post, "/api/v1/console/quotes/{number}/decline",
       R"({"type":"object","properties":{"note":{"type":"string","maxLength":1000}}})"},
      {Method::post, "/api/v1/operator/buyers/{id}/decision",
       R"({"type":"object","required":["decision"],"properties":{"decision":{"type":"string","enum":[)"
       R"("approved","refused"]}}})"},
  };
}

}  // namespace

std::vector<ApiBody> api_bodies() {
  std::vector<ApiBody> all;
  for (auto& b : marketing_live_and_studio_bodies()) all.push_back(std::move(b));
  for (auto& b : money_bodies()) all.push_back(std::move(b));
  for (auto& b : catalog_and_trust_bodies()) all.push_back(std::move(b));
  for (auto& b : academy_bodies()) all.push_back(std::move(b));
  for (auto& b : b2b_bodies()) all.push_back(std::move(b));
  return all;
}

}  // namespace brilliant::app
