#include "project/projection.hpp"
