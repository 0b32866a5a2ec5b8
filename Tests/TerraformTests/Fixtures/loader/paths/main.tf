resource "test_thing" "where" {
  workspace = terraform.workspace
  module    = path.module
  root      = path.root
}
