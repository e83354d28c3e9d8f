// The evidence of an order (issue 17): what the studio recorded of its parcels, for the shopper, the
// workshop and the operator. Every photo is an original kept by its SHA-256 with its perceptual hash,
// and every photo and event is an entry of the transparency log; the proof bundle (Studio::
// evidence_bundle) lets `brilliant verify` check offline that each entry is in the log under a checkpoint
// the hub signed, and that a downloaded photo is the one logged. Values only.
#pragma once
#include <string>
#include <vector>

#include "studio/item.hpp"
#include "studio/packing.hpp"
#include "studio/returns.hpp"

namespace brilliant::studio {

// A shot in the evidence: of the parcel (serial empty: the open box, the sealed parcel) or of a piece.
struct EvidencePhoto {
  std::string stage;  // packing | return | studio (an item's shots before packing)
  std::string serial, view, hash, thumb_hash, phash, voided_at, void_reason, at;
  long long log_index = 0;
};

struct EvidenceParcel {
  std::string workshop, carrier, tracking, packed_by, closed_at, status;
};

struct EvidenceItem {
  Item item;
  std::vector<ItemEvent> events;  // its whole history, each event with its photos
};

struct Evidence {
  std::string order_number;
  std::vector<EvidenceParcel> parcels;
  std::vector<EvidencePhoto> photos;  // the parcel shots and every piece's
  std::vector<EvidenceItem> items;
  std::vector<ReturnInspection> returns;
  bool empty() const { return parcels.empty(); }
  // Every log entry the evidence rests on: events, photos, voids aside (they are separate entries).
  std::vector<long long> log_indexes() const;
};

}  // namespace brilliant::studio
