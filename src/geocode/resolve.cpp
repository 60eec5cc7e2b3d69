#include "geocode/resolve.hpp"
