#include "geocode/gazetteer.hpp"
