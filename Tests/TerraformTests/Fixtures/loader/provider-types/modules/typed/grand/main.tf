terraform {
  required_providers {
    gaws = {
      source = "other/gaws"
    }
  }
}
