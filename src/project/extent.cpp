#include "project/extent.hpp"
