// Photo pipeline benchmark (issue 4).
//   photo_bench generate DIR COUNT   writes COUNT 24-megapixel (6000x4000) JPEG "photos" into DIR
//   photo_bench process DIR [WORKERS] runs every photo through media::PhotoPipeline, prints photos/s
//   photo_bench studio-generate DIR COUNT  writes COUNT 24-megapixel studio shots (a piece on an
//                                     off-white background lit unevenly, media/samples.hpp)
//   photo_bench webcam FILE            writes one 1920x1440 frame as a station's webcam gives it
//   photo_bench coach DIR              the photo coach (media/coach.hpp) on every JPEG in DIR, one thread
//   photo_bench studio DIR [WORKERS]  makes every channel's rendition of each (media::make_packshots:
//                                     light flattened, trimmed, centred; Naver 1000, Coupang 780,
//                                     Amazon 2000) and writes them to DIR/out
// bench/photos.sh and bench/studio.sh run them beside ImageMagick's convert and report peak memory.
#include <vips/vips8>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "media/coach.hpp"
#include "media/packshot.hpp"
#include "media/photo_pipeline.hpp"
#include "media/samples.hpp"

using vips::VImage;

namespace {

// A photo-like scene: a lit gradient, a disc (the piece) and grain, different per index.
VImage scene(int index) {
  const int w = 6000, h = 4000;
  VImage xy = VImage::xyz(w, h);
  VImage r = xy[0] * (200.0 / w) + 30 + index * 3;
  VImage g = xy[1] * (180.0 / h) + 40;
  VImage d = ((xy[0] - (2500.0 + index * 100)).pow(2) + (xy[1] - 2000.0).pow(2)).pow(0.5);
  VImage b = (d < 1200).ifthenelse(220, 70);
  VImage noise = VImage::gaussnoise(w, h, VImage::option()->set("sigma", 6.0));
  return (r.bandjoin(g).bandjoin(b) + noise)
      .cast(VIPS_FORMAT_UCHAR)
      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

// A file's bytes in one string of its size (a stream's growing buffer and its copy would be counted
// against our peak memory).
std::string read_file(const std::filesystem::path& path) {
  std::string bytes(std::filesystem::file_size(path), '\0');
  std::ifstream(path, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (VIPS_INIT(argv[0])) return 1;
  if (argc >= 4 && std::string(argv[1]) == "generate") {
    std::filesystem::create_directories(argv[2]);
    for (int i = 0; i < std::stoi(argv[3]); ++i)
      scene(i).jpegsave((std::string(argv[2]) + "/photo" + std::to_string(i) + ".jpg").c_str(),
                        VImage::option()->set("Q", 90));
    return 0;
  }
  if (argc >= 3 && std::string(argv[1]) == "process") {
    std::vector<std::filesystem::path> photos;
    for (const auto& e : std::filesystem::directory_iterator(argv[2]))
      if (e.path().extension() == ".jpg") photos.push_back(e.path());
    const auto out = std::filesystem::path(argv[2]) / "blobs";
    brilliant::media::FolderBlobStore blobs(out);
    brilliant::media::PhotoPipeline pipeline(blobs, {}, argc >= 4 ? std::stoi(argv[3]) : 0);
    const auto started = std::chrono::steady_clock::now();
    // One photo per worker in memory, as ImageMagick's converts hold one each (reading the next from the
    // page cache takes a millisecond; holding it ahead cost a whole photo's bytes of peak memory).
    const size_t workers =
        argc >= 4 ? static_cast<size_t>(std::stoi(argv[3])) : std::thread::hardware_concurrency();
    std::deque<std::future<brilliant::Result<brilliant::media::ProcessedPhoto>>> inflight;
    int ok = 0;
    for (const auto& path : photos) {
      if (inflight.size() >= workers) {
        ok += inflight.front().get().ok();
        inflight.pop_front();
      }
      inflight.push_back(pipeline.submit(read_file(path)));
    }
    for (auto& f : inflight) ok += f.get().ok();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << ok << " photos in " << seconds << " s: " << ok / seconds << " photos/s\n";
    return ok == static_cast<int>(photos.size()) ? 0 : 1;
  }
  if (argc >= 3 && std::string(argv[1]) == "coach") {  // the photo coach on every JPEG in DIR, one thread
    brilliant::media::start_libvips();
    std::vector<double> ms;
    for (const auto& e : std::filesystem::directory_iterator(argv[2])) {
      if (e.path().extension() != ".jpg") continue;
      const std::string bytes = read_file(e.path());
      const auto t0 = std::chrono::steady_clock::now();
      auto report = brilliant::media::assess_photo(bytes);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (!report) return 1;
    }
    if (ms.empty()) return 1;
    std::sort(ms.begin(), ms.end());
    std::cout << "coach: " << ms.size() << " photos, median " << ms[ms.size() / 2] << " ms, slowest "
              << ms.back() << " ms each\n";
    return 0;
  }
  if (argc >= 3 && std::string(argv[1]) == "webcam") {  // one 1920x1440 station webcam frame
    std::ofstream(argv[2], std::ios::binary)
        << brilliant::media::sample_piece_photo(900, 700, 320, false, 236, 1920, 1440);
    return 0;
  }
  if (argc >= 4 && std::string(argv[1]) == "studio-generate") {
    std::filesystem::create_directories(argv[2]);
    for (int i = 0; i < std::stoi(argv[3]); ++i) {
      const auto jpeg =
          brilliant::media::sample_piece_photo(2600 + 60 * (i % 10), 1900 + 40 * (i % 7), 1100 + 20 * (i % 5),
                                               i % 3 == 0, 236 - i % 9, 6000, 4000);
      std::ofstream(std::string(argv[2]) + "/shot" + std::to_string(i) + ".jpg", std::ios::binary) << jpeg;
    }
    return 0;
  }
  if (argc >= 3 && std::string(argv[1]) == "studio") {
    brilliant::media::start_libvips();  // as the server runs it: no operation cache, one thread per worker
    std::vector<std::filesystem::path> photos;
    for (const auto& e : std::filesystem::directory_iterator(argv[2]))
      if (e.path().extension() == ".jpg") photos.push_back(e.path());
    const auto out = std::filesystem::path(argv[2]) / "out";
    std::filesystem::create_directories(out);
    const int workers =
        argc >= 4 ? std::stoi(argv[3]) : static_cast<int>(std::thread::hardware_concurrency());
    std::atomic<size_t> next{0};
    std::atomic<int> ok{0};
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w)
      threads.emplace_back([&] {
        for (size_t i = next++; i < photos.size(); i = next++) {
          auto made = brilliant::media::make_packshots(read_file(photos[i]), {1000, 780, 2000});
          if (!made) continue;
          const char* names[] = {"naver", "coupang", "amazon"};
          for (size_t c = 0; c < 3; ++c)
            std::ofstream(out / (photos[i].stem().string() + "-" + names[c] + ".jpg"), std::ios::binary)
                << (*made)[c].jpeg;
          ++ok;
        }
      });
    for (auto& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << ok << " photos in " << seconds << " s: " << ok / seconds << " photos/s\n";
    return ok == static_cast<int>(photos.size()) ? 0 : 1;
  }
  std::cerr << "usage: photo_bench generate DIR COUNT | process DIR [WORKERS] | studio-generate DIR COUNT | "
               "studio DIR [WORKERS]\n";
  return 2;
}
