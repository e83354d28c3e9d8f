// Demo data for live commerce (issue 18): an upcoming show of the demo workshop with its line-up and
// two live deals, and an ended show with chapters and chat whose replay is a clip made with ffmpeg
// (when ffmpeg is installed and an HLS folder is configured).
#pragma once
#include <string>

namespace brilliant::app {
class App;

// Runs once: does nothing when any show exists. Returns how many shows it made.
int seed_live(App& app, const std::string& operator_email, const std::string& shopper_email);

// Writes a short generated clip (ffmpeg's testsrc and a tone) as HLS video on demand into folder
// (index.m3u8 and its segments); false when ffmpeg is missing or fails.
bool make_demo_clip(const std::string& folder, int seconds);

}  // namespace brilliant::app
