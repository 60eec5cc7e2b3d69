#include "basemap/basemap.hpp"
