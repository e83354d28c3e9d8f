#include "media/photo_pipeline.hpp"

#include <gtest/gtest.h>
#include <vips/vips8>

#include "core/secret.hpp"

namespace brilliant::media {
using vips::VImage;

namespace {

// A smooth "photo": colour gradients with a soft disc, like a piece on a backdrop.
VImage gradient_photo(int w, int h) {
  VImage xy = VImage::xyz(w, h);
  VImage r = xy[0] * (255.0 / w);
  VImage g = xy[1] * (255.0 / h);
  VImage d = ((xy[0] - w / 2.0).pow(2) + (xy[1] - h / 2.0).pow(2)).pow(0.5);
  VImage b = (d < h / 3.0).ifthenelse(230, 60);
  return r.bandjoin(g)
      .bandjoin(b)
      .cast(VIPS_FORMAT_UCHAR)
      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

// A very different picture: a coarse checkerboard.
VImage checker_photo(int w, int h) {
  VImage xy = VImage::xyz(w, h);
  VImage cells = ((xy[0] / (w / 7)) + (xy[1] / (h / 5))).cast(VIPS_FORMAT_INT);
  VImage v = (cells % 2 == 0).ifthenelse(240, 20);
  return v.bandjoin(v)
      .bandjoin(v)
      .cast(VIPS_FORMAT_UCHAR)
      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

std::string jpeg(VImage image, int quality = 90) {
  void* buf = nullptr;
  size_t size = 0;
  image.write_to_buffer(".jpg", &buf, &size, VImage::option()->set("Q", quality));
  std::string out(static_cast<char*>(buf), size);
  g_free(buf);
  return out;
}

std::string png(VImage image) {
  void* buf = nullptr;
  size_t size = 0;
  image.write_to_buffer(".png", &buf, &size);
  std::string out(static_cast<char*>(buf), size);
  g_free(buf);
  return out;
}

}  // namespace

class PhotoPipelineTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(root); }
  size_t blob_count() {
    size_t n = 0;
    if (std::filesystem::exists(root))
      for (const auto& e : std::filesystem::recursive_directory_iterator(root)) n += e.is_regular_file();
    return n;
  }
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("photos-" + random_token(6));
  FolderBlobStore blobs{root};
  PhotoPipeline pipeline{blobs, PhotoLimits{}, 1};
};

TEST_F(PhotoPipelineTest, MakesEveryRenditionSizeDownOnly) {
  const auto bytes = jpeg(gradient_photo(3000, 2000));
  auto photo = pipeline.process(bytes);
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->source_format, "jpeg");
  EXPECT_EQ(photo->original_hash, sha256_hex(bytes));
  ASSERT_EQ(photo->renditions.size(), 9u);
  for (const auto& r : photo->renditions) {
    EXPECT_TRUE(blobs.has(r.hash)) << r.name;
    const int expected = r.name == "thumb"     ? 320
                         : r.name == "listing" ? 640
                         : r.name == "detail"  ? 1600
                         : r.name == "zoom"    ? 2400
                                               : 1000;
    EXPECT_EQ(r.width, expected) << r.name;
    if (r.name == "square") {
      EXPECT_EQ(r.height, 1000);
    }
  }
  auto thumb = VImage::new_from_buffer(*blobs.get(photo->renditions[1].hash), "");
  EXPECT_EQ(thumb.height(), 213);  // 3:2 kept
  // A small photo is never enlarged.
  auto small = pipeline.process(jpeg(gradient_photo(500, 400)));
  ASSERT_TRUE(small.ok());
  for (const auto& r : small->renditions) {
    if (r.name != "square") {
      EXPECT_LE(r.width, 500);
    }
  }
}

TEST_F(PhotoPipelineTest, IdempotentOnReupload) {
  const auto bytes = jpeg(gradient_photo(1200, 900));
  auto a = pipeline.process(bytes);
  const auto files = blob_count();
  auto b = pipeline.process(bytes);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->original_hash, b->original_hash);
  EXPECT_EQ(a->renditions[0].hash, b->renditions[0].hash);
  EXPECT_EQ(blob_count(), files);
}

TEST_F(PhotoPipelineTest, StripsMetadataAndTurnsUpright) {
  VImage source = gradient_photo(600, 400).copy();
  source.set("exif-ifd0-Artist", "serial 12345");
  source.set("exif-ifd0-Make", "Canon");
  source.set("exif-ifd2-BodySerialNumber", "0123456789");
  source.set("orientation", 6);  // camera held sideways
  const auto bytes = jpeg(source);
  const auto in = VImage::new_from_buffer(bytes.data(), bytes.size(), "");
  ASSERT_NE(in.get_typeof("exif-ifd0-Make"), 0u);  // the upload really carries camera data
  ASSERT_NE(in.get_typeof("exif-ifd2-BodySerialNumber"), 0u);
  auto photo = pipeline.process(bytes);
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->width, 400);
  EXPECT_EQ(photo->height, 600);
  for (const auto& r : photo->renditions) {
    auto data = *blobs.get(r.hash);
    auto image = VImage::new_from_buffer(data.data(), data.size(), "");
    // WebP may carry a minimal EXIF block (resolution); nothing personal may survive.
    EXPECT_EQ(image.get_typeof("exif-ifd0-Artist"), 0u) << r.name << "." << r.format;
    gchar** fields = vips_image_get_fields(image.get_image());
    for (gchar** f = fields; *f; ++f) {
      const std::string name(*f);
      EXPECT_FALSE(name.starts_with("exif-ifd3-")) << name;  // the GPS directory
      EXPECT_EQ(name.find("Serial"), std::string::npos) << name;
      EXPECT_EQ(name.find("Make"), std::string::npos) << name;
    }
    g_strfreev(fields);
  }
}

TEST_F(PhotoPipelineTest, PerceptualHashMatchesTheSamePictureOnly) {
  auto original = pipeline.process(jpeg(gradient_photo(1600, 1200)));
  auto reencoded = pipeline.process(jpeg(gradient_photo(1600, 1200).resize(0.7), 55));
  auto different = pipeline.process(jpeg(checker_photo(1600, 1200)));
  ASSERT_TRUE(original.ok() && reencoded.ok() && different.ok());
  EXPECT_LE(hash_distance(original->perceptual_hash, reencoded->perceptual_hash), 8);
  EXPECT_GE(hash_distance(original->perceptual_hash, different->perceptual_hash), 20);
}

TEST_F(PhotoPipelineTest, PngWithAlphaSitsOnWhite) {
  VImage rgba = gradient_photo(800, 800).bandjoin(0);  // fully transparent
  auto photo = pipeline.process(png(rgba));
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->source_format, "png");
  for (const auto& r : photo->renditions)
    if (r.name == "square") {
      auto data = *blobs.get(r.hash);
      auto image = VImage::new_from_buffer(data.data(), data.size(), "");
      EXPECT_GT(image.avg(), 250.0);  // white
    }
}

// Phone cameras (iPhones) send HEIC: encoded here with libheif's HEVC encoder through libvips.
TEST_F(PhotoPipelineTest, AcceptsHeicFromPhoneCameras) {
  void* buf = nullptr;
  size_t size = 0;
  gradient_photo(1200, 900).write_to_buffer(".heic", &buf, &size, VImage::option()->set("Q", 70));
  std::string heic(static_cast<char*>(buf), size);
  g_free(buf);
  ASSERT_GT(heic.size(), 100u);
  auto photo = pipeline.process(heic);
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->source_format, "heif");
  EXPECT_EQ(photo->width, 1200);
  EXPECT_EQ(photo->renditions.size(), 9u);
  // The same picture as JPEG has (nearly) the same perceptual hash.
  auto as_jpeg = pipeline.process(jpeg(gradient_photo(1200, 900)));
  ASSERT_TRUE(as_jpeg.ok());
  EXPECT_LE(__builtin_popcountll(photo->perceptual_hash ^ as_jpeg->perceptual_hash), 6);
}

TEST_F(PhotoPipelineTest, RefusesBadUploadsAndStoresNothing) {
  EXPECT_EQ(pipeline.process("this is not a picture").error().code, "not_an_image");
  EXPECT_EQ(pipeline.process("").error().code, "not_an_image");
  const auto good = jpeg(gradient_photo(1000, 800));
  auto truncated = pipeline.process(std::string_view(good).substr(0, good.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, "photo_corrupt");
  EXPECT_EQ(truncated.error().field, "photo");
  PhotoPipeline strict(blobs, PhotoLimits{.max_bytes = 40 * 1024 * 1024, .max_pixels = 1'000'000}, 1);
  EXPECT_EQ(strict.process(jpeg(gradient_photo(2000, 1000))).error().code, "too_many_pixels");
  PhotoPipeline tiny(blobs, PhotoLimits{.max_bytes = 1000, .max_pixels = 100'000'000}, 1);
  EXPECT_EQ(tiny.process(good).error().code, "photo_too_large");
  EXPECT_EQ(blob_count(), 0u);
}

TEST_F(PhotoPipelineTest, AnEvidencePhotoKeepsItsOriginalAThumbnailAndItsHashOnly) {
  const auto bytes = jpeg(gradient_photo(1920, 1440));
  auto photo = pipeline.evidence(bytes).value();
  EXPECT_EQ(photo.width, 1920);
  EXPECT_EQ(photo.height, 1440);
  ASSERT_EQ(photo.renditions.size(), 1u);
  EXPECT_EQ(photo.renditions[0].name, "thumb");
  EXPECT_EQ(photo.renditions[0].width, 320);
  EXPECT_EQ(blobs.get(photo.original_hash), bytes);  // the original, byte for byte
  EXPECT_EQ(blob_count(), 2u);
  // The same picture's hash as the full pipeline gives (it is computed on 32x32 either way).
  EXPECT_LE(hash_distance(photo.perceptual_hash, pipeline.process(bytes).value().perceptual_hash), 4);
  // Checked as any upload is.
  EXPECT_EQ(pipeline.evidence("nope").error().code, "not_an_image");
  EXPECT_EQ(pipeline.evidence(std::string_view(bytes).substr(0, bytes.size() / 2)).error().code,
            "photo_corrupt");
}

TEST_F(PhotoPipelineTest, WorkerPoolProcessesSubmittedPhotos) {
  std::vector<std::future<Result<ProcessedPhoto>>> futures;
  for (int i = 0; i < 3; ++i) futures.push_back(pipeline.submit(jpeg(gradient_photo(700 + i * 10, 500))));
  for (auto& f : futures) EXPECT_TRUE(f.get().ok());
}

}  // namespace brilliant::media
