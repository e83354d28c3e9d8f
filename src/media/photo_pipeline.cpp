#include "media/photo_pipeline.hpp"
#include "media/vips_buffer.hpp"

#include <webp/encode.h>
#include <vips/vips8>

#include <malloc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <mutex>
#include <thread>

namespace brilliant::media {
using vips::VImage;

void start_libvips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("brilliant")) throw std::runtime_error("libvips failed to start");
    vips_cache_set_max(0);    // no operation cache: memory stays flat across thousands of photos
    vips_concurrency_set(1);  // our pool gives the parallelism, one photo per worker
    // Photos are big buffers that live for one photo. A fixed mmap threshold gives every one of 64 KB or
    // more straight back to the kernel when freed (glibc would otherwise raise the threshold after the
    // first big free and keep them in its heaps): a studio batch's peak went from 62 to 49 MB. (Capping
    // glibc's heaps at the cores took 3 MB more off, and a tenth off the server's cart pages: not done.)
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
  });
}

namespace {

Error invalid(const char* code, std::string message) {
  return Error::invalid("photo", code, std::move(message));
}

// The format a loader name stands for; empty when we do not accept it.
Error corrupt(const vips::VError& e) {
  vips_error_clear();
  std::string detail = e.what();
  if (detail.size() > 200) detail.resize(200);
  return invalid("photo_corrupt", "photo could not be decoded (damaged or truncated): " + detail);
}

std::string accepted_format(const char* loader) {
  const std::string name = loader ? loader : "";
  if (name.starts_with("VipsForeignLoadJpeg")) return "jpeg";
  if (name.starts_with("VipsForeignLoadPng")) return "png";
  if (name.starts_with("VipsForeignLoadWebp")) return "webp";
  if (name.starts_with("VipsForeignLoadHeif")) return "heif";
  return "";
}

// Flattens transparency onto white (JPEG has none; product photos sit on white).
VImage opaque(VImage image) {
  if (image.has_alpha())
    image = image.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
  return image;
}

// Drops every metadata block (EXIF with GPS and camera serials, XMP, IPTC), field by field: libvips
// 8.14's WebP writer keeps EXIF even with strip set.
VImage without_metadata(const VImage& image) {
  VImage copy = image.copy();
  gchar** fields = vips_image_get_fields(copy.get_image());
  for (gchar** f = fields; f && *f; ++f) {
    const std::string_view name(*f);
    if (name.starts_with("exif-") || name.starts_with("xmp-") || name.starts_with("iptc-") ||
        name == "orientation" || name.starts_with("gps"))
      copy.remove(*f);
  }
  g_strfreev(fields);
  return copy;
}

// A lossy WebP (quality 82, method 2) by libwebp straight from the image's pixels in memory, with no
// metadata at all. (libvips 8.14's writer first copies the whole frame into a buffer of its own: 11.5 MB
// more at the zoom size, a sixth of a product photo's peak memory.)
std::string encode_webp(VImage image) {
  if (image.interpretation() != VIPS_INTERPRETATION_sRGB) image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  if (image.format() != VIPS_FORMAT_UCHAR) image = image.cast(VIPS_FORMAT_UCHAR);
  if (image.bands() != 3 && image.bands() != 4)
    image = image.extract_band(0, VImage::option()->set("n", std::min(image.bands(), 3)));
  image = image.copy_memory();  // a memory image already (every rendition is) is used as it is
  WebPConfig config;
  WebPPicture picture;
  if (!WebPConfigInit(&config) || !WebPPictureInit(&picture)) throw vips::VError("libwebp: version mismatch");
  config.quality = 82;
  config.method = 2;
  picture.width = image.width();
  picture.height = image.height();
  WebPMemoryWriter writer;
  WebPMemoryWriterInit(&writer);
  picture.writer = WebPMemoryWrite;
  picture.custom_ptr = &writer;
  const auto* pixels = static_cast<const uint8_t*>(image.data());
  const int stride = image.width() * image.bands();
  const bool ok = (image.bands() == 4 ? WebPPictureImportRGBA(&picture, pixels, stride)
                                      : WebPPictureImportRGB(&picture, pixels, stride)) &&
                  WebPEncode(&config, &picture);
  const int error = picture.error_code;
  WebPPictureFree(&picture);
  std::string out(reinterpret_cast<const char*>(writer.mem), ok ? writer.size : 0);
  WebPMemoryWriterClear(&writer);
  if (!ok) throw vips::VError("libwebp could not encode the image (error " + std::to_string(error) + ")");
  return out;
}

std::string encode(const VImage& original, const char* format) {
  if (std::string_view(format) == "webp") return encode_webp(original);
  const VImage image = without_metadata(original);
  void* buffer = nullptr;
  size_t size = 0;
  opaque(image).write_to_buffer(".jpg", &buffer, &size,
                                VImage::option()
                                    ->set("Q", 85)
                                    ->set("strip", true)
                                    ->set("interlace", true)
                                    ->set("optimize_coding", true));
  std::string out(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return out;
}

// `image` (a rendition of `largest`, or `largest` itself) made to fit `size` x `size`, never enlarged:
// the size is reckoned from `largest`, so a chain of renditions comes out as thumbnailing `largest`
// straight to each size would, to the pixel. In memory.
VImage fitted(const VImage& image, const VImage& largest, int size) {
  const int longest = std::max(largest.width(), largest.height());
  if (longest <= size) return image;
  const auto side = [&](int n) {
    return std::max(1, static_cast<int>(std::lround(1.0 * n * size / longest)));
  };
  const int width = side(largest.width()), height = side(largest.height());
  if (width == image.width() && height == image.height()) return image;
  return image
      .resize(1.0 * width / image.width(), VImage::option()->set("vscale", 1.0 * height / image.height()))
      .copy_memory();
}

}  // namespace

// 64-bit DCT hash: 32x32 grey, 2-D DCT-II, the 8x8 lowest frequencies, each bit set when the
// coefficient is above their median (the DC term excluded from the median).
uint64_t dct_hash(const VImage& image) {
  VImage grey = opaque(image).colourspace(VIPS_INTERPRETATION_B_W)[0];
  grey = grey.thumbnail_image(32, VImage::option()->set("height", 32)->set("size", VIPS_SIZE_FORCE))
             .cast(VIPS_FORMAT_DOUBLE);
  size_t size = 0;
  auto* raw = static_cast<double*>(grey.write_to_memory(&size));
  std::array<double, 32 * 32> px{};
  std::copy(raw, raw + std::min<size_t>(px.size(), size / sizeof(double)), px.begin());
  g_free(raw);
  static const auto cosines = [] {
    std::array<std::array<double, 32>, 8> c{};
    for (int u = 0; u < 8; ++u)
      for (int x = 0; x < 32; ++x) c[u][x] = std::cos((2.0 * x + 1.0) * u * M_PI / 64.0);
    return c;
  }();
  std::array<double, 64> coeff{};
  for (int u = 0; u < 8; ++u)
    for (int v = 0; v < 8; ++v) {
      double sum = 0;
      for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) sum += px[y * 32 + x] * cosines[u][y] * cosines[v][x];
      coeff[u * 8 + v] = sum;
    }
  std::array<double, 63> ac{};
  std::copy(coeff.begin() + 1, coeff.end(), ac.begin());
  std::nth_element(ac.begin(), ac.begin() + 31, ac.end());
  const double median = ac[31];
  uint64_t bits = 0;
  for (int i = 0; i < 64; ++i)
    if (coeff[i] > median) bits |= 1ULL << i;
  return bits;
}

int hash_distance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

PhotoPipeline::PhotoPipeline(BlobStore& blobs, PhotoLimits limits, int workers)
    : blobs_(blobs), limits_(limits) {
  start_libvips();
  const int n = workers > 0 ? workers : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { work(); });
}

PhotoPipeline::~PhotoPipeline() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void PhotoPipeline::work() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job();
    // Between photos: free this thread's libvips buffers and give freed heap back to the system, so a
    // long run of 24-megapixel uploads does not ratchet memory up through fragmentation.
    vips_thread_shutdown();
    malloc_trim(0);
  }
}

std::future<Result<ProcessedPhoto>> PhotoPipeline::submit(std::string bytes) {
  auto task = std::make_shared<std::packaged_task<Result<ProcessedPhoto>()>>(
      [this, bytes = std::move(bytes)]() mutable { return process(bytes, &bytes); });
  auto future = task->get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.emplace_back([task] { (*task)(); });
  }
  cv_.notify_one();
  return future;
}

size_t PhotoPipeline::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

// Steps 1 and 2 of every photo: what it is, and its size from the header (decompression bombs refused
// before a pixel is decoded). The header, with out.source_format set.
Result<VImage> PhotoPipeline::checked(std::string_view bytes, ProcessedPhoto& out) const {
  if (bytes.size() > limits_.max_bytes)
    return invalid("photo_too_large",
                   "photo is larger than " + std::to_string(limits_.max_bytes / (1024 * 1024)) + " MB");
  if (bytes.empty()) return invalid("not_an_image", "photo is empty");
  // 1. What is it? Ask the decoders, not the file name.
  out.source_format = accepted_format(vips_foreign_find_load_buffer(bytes.data(), bytes.size()));
  vips_error_clear();
  if (out.source_format.empty())
    return invalid("not_an_image", "photo is not a JPEG, PNG, WebP or HEIC image");
  try {
    // 2. The header alone gives the size.
    VImage header = VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                            VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
    if (static_cast<long long>(header.width()) * header.height() > limits_.max_pixels)
      return invalid("too_many_pixels",
                     "photo has " + std::to_string(static_cast<long long>(header.width()) * header.height()) +
                         " pixels; the limit is " + std::to_string(limits_.max_pixels));
    return header;
  } catch (const vips::VError& e) {
    return corrupt(e);
  }
}

Result<ProcessedPhoto> PhotoPipeline::evidence(std::string_view bytes) {
  ProcessedPhoto out;
  const VImage header = TRY(checked(bytes, out));
  try {
    // The original as it came, a thumbnail for pages and the perceptual hash: no sales renditions.
    VImage thumb = thumbnail_of(bytes, rendition_sizes[0].second);
    if (thumb.interpretation() != VIPS_INTERPRETATION_sRGB)
      thumb = thumb.colourspace(VIPS_INTERPRETATION_sRGB);
    const bool turned = (thumb.width() > thumb.height()) != (header.width() > header.height());
    out.width = turned ? header.height() : header.width();
    out.height = turned ? header.width() : header.height();
    auto data = encode(thumb, "jpeg");
    Rendition rendition{"thumb", "jpeg", thumb.width(), thumb.height(), "", data.size()};
    out.perceptual_hash = dct_hash(thumb);
    out.original_hash = blobs_.put(bytes);
    rendition.hash = blobs_.put(data);
    out.renditions.push_back(std::move(rendition));
    return out;
  } catch (const vips::VError& e) {
    return corrupt(e);
  }
}

Result<ProcessedPhoto> PhotoPipeline::process(std::string_view bytes) { return process(bytes, nullptr); }

Result<ProcessedPhoto> PhotoPipeline::process(std::string_view bytes, std::string* owned) {
  ProcessedPhoto out;
  TRY(checked(bytes, out));
  try {
    // 3. Decode once, shrinking on load where the format allows, turned upright, in sRGB; truncated
    //    files are errors rather than grey bands.
    VImage largest = thumbnail_of(bytes, rendition_sizes[3].second);
    if (largest.interpretation() != VIPS_INTERPRETATION_sRGB)
      largest = largest.colourspace(VIPS_INTERPRETATION_sRGB).copy_memory();
    if (owned) {  // the pool's own copy of the upload: stored now, its memory given back
      out.original_hash = blobs_.put(bytes);
      std::string().swap(*owned);
      bytes = {};
    }
    malloc_trim(0);  // the decode's small buffers, freed, go back before the encoders take theirs
    out.width = largest.width();
    out.height = largest.height();
    // 4. Renditions, all encoded before any is stored, each made from the next larger one (zoom ->
    //    detail -> square and listing -> thumb), not all from the largest: a third of the resizing.
    std::vector<std::pair<Rendition, std::string>> encoded(std::size(rendition_sizes) * 2);
    VImage from = largest;
    for (size_t i = std::size(rendition_sizes); i-- > 0;) {
      const auto& [name, size] = rendition_sizes[i];
      from = fitted(from, largest, size);
      for (size_t f = 0; f < 2; ++f) {
        const char* format = f == 0 ? "webp" : "jpeg";
        auto data = encode(from, format);
        encoded[i * 2 + f] = {{name, format, from.width(), from.height(), "", data.size()}, std::move(data)};
      }
      if (size == rendition_sizes[2].second) {  // the square on white comes from the detail size
        VImage square = opaque(fitted(from, largest, square_size))
                            .gravity(VIPS_COMPASS_DIRECTION_CENTRE, square_size, square_size,
                                     VImage::option()
                                         ->set("extend", VIPS_EXTEND_BACKGROUND)
                                         ->set("background", std::vector<double>{255, 255, 255}));
        auto square_data = encode(square, "jpeg");
        encoded.push_back(
            {{"square", "jpeg", square_size, square_size, "", square_data.size()}, std::move(square_data)});
      }
    }
    out.perceptual_hash = dct_hash(from);  // from the thumb, as evidence photos' hashes are
    // 5. Store: the original (private evidence; stored already when the pool owns it) and every
    //    rendition, content-addressed.
    if (!owned) out.original_hash = blobs_.put(bytes);
    for (auto& [rendition, data] : encoded) {
      rendition.hash = blobs_.put(data);
      out.renditions.push_back(std::move(rendition));
    }
    return out;
  } catch (const vips::VError& e) {
    return corrupt(e);
  }
}

}  // namespace brilliant::media
