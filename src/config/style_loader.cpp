#include "config/style_loader.hpp"
