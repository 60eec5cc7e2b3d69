#include "config/site_loader.hpp"
