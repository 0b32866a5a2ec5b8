run "first" {}

run "first" {}

run "has spaces" {}
