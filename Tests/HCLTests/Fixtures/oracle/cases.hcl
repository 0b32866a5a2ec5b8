# Differential cases: each attribute is evaluated by drift's evaluator and compared with what
# Terraform computes for `jsonencode(local.NAME)` (expected.json, captured by capture.sh).
# Cases may refer to earlier cases through `local.NAME`; functions other than try/can are avoided.
list       = ["a", "b", "c"]
map        = { z = 26, a = 1, m = 13 }
objs       = [{ id = "i-1", n = 1, tags = ["x"] }, { id = "i-2", n = 2, tags = ["y", "z"] }]
arith1     = 1 + 2 * 3 - 4 / 2
arith2     = (1 + 2) * 3 % 4
arith3     = -7 % 3
arith4     = 7 % -3
arith5     = 5 / 2
arith6     = "5" + 1
arith7     = -"2" * 3
arith8     = 2 - -2
cmp1       = "10" > 9
cmp2       = 1 < 2 == true
cmp3       = 3 >= 3 && 2 <= 1
logic1     = !false && true || false
logic2     = false || !true
logic3     = true && "true"
eq1        = 1 == 1.0
eq2        = "1" == 1
eq3        = [1, "a"] == [1, "a"]
eq4        = { a = 1 } == { a = 1 }
eq5        = null == null
eq6        = local.map != { a = 1 }
cond1      = true ? 1 : 2
cond2      = false ? "x" : "y"
cond3      = 1 > 2 ? "a" : 3 < 4 ? "b" : "c"
cond4      = true ? null : "x"
num1       = 1e3
num2       = 1.5e-3
num3       = 0.5
num4       = 123456789
str1       = "tab\tquote\"back\\slash\u00e9\U0001F600"
str2       = "$${not} %%{this} $ % $x"
str3       = "a${1}b${true}c${1.5}"
str4       = "${1e20} ${0.000001} ${-0}"
tpl1       = "${true}"
tpl2       = "${local.list}"
tpl3       = "${"${true}"}"
tpl4       = "${""}${true}"
tpl5       = "%{ for v in [true] }${v}%{ endfor }"
tpl6       = "%{ for i, x in local.list }${i}:${x},%{ endfor }"
tpl7       = "%{ for k, v in local.map }${k}=${v};%{ endfor }"
tpl8       = "%{ if 1 < 2 }yes%{ else }no%{ endif }"
tpl9       = "a  ${~ "b" ~}  c"
tpl10      = "%{ if true ~} hello %{~ endif }"
tpl11      = "${"hello" ~}${" world"}"
tpl12      = "x %{~ if false }never%{ endif ~} y"
heredoc1   = <<EOT
  indented
    more
EOT
heredoc2   = <<-EOT
    hello
      world
    EOT
heredoc3   = <<-EOT
    a

      b
  EOT
heredoc4   = <<-EOT
  ${local.list[0]} first
    second
  EOT
heredoc5   = <<EOT
%{ for x in local.list ~}
- ${x}
%{ endfor ~}
EOT
heredoc6   = <<-EOT
	tab
		two
	EOT
heredoc7   = <<EOT
EOT
heredoc8   = <<EOT
$${literal} %%{literal} \n stays
EOT
heredoc9   = <<-EOT
    %{~ for x in local.list ~}
      ${x}
    %{~ endfor ~}
    EOT
for1       = [for x in local.list : "${x}!"]
for2       = [for i, x in local.list : i if x != "b"]
for3       = [for k, v in local.map : k]
for4       = [for v in local.map : v]
for5       = { for x in local.list : x => "${x}${x}" }
for6       = { for o in local.objs : (o.n > 1 ? "big" : "small") => o.id... }
for7       = { for k, v in local.map : v => k }
for8       = [for x in [[1, 2], [3]] : [for y in x : y * 10]]
for9       = { for i, x in ["a", "a", "b"] : x => i... }
splat1     = local.objs[*].id
splat2     = local.objs.*.id
splat3     = local.objs[*].tags[0]
splat4     = local.objs.*.tags[0]
splat5     = { a = 1 }[*].a
splat6     = "x"[*]
splat7     = [[1, 2], [3]][*][0]
splat8     = local.objs[*].tags[*]
idx1       = local.list[1]
idx2       = local.list["2"]
idx3       = local.map["m"]
idx4       = local.objs[1].tags[1]
idx5       = local.objs.0.id
idx6       = { "1" = "one" }[1]
obj1       = { a = 1, "b" = 2, (local.list[2]) = 3 }
obj2       = { a : 1, b : [1, 2,], }
obj3       = {
  a = 1
  b = {
    c = [
      1,
      2
    ]
  }
}
obj4       = { 1 = "number key" }
obj5       = { a = 1, a = 2 }
try1       = try(local.map.missing, "fallback")
try2       = try(local.map.a, 0)
try3       = try(local.list[9], local.list[1])
can1       = can(local.map.missing)
can2       = can(local.list[0])
paren1     = (1 +
  2)
tuple1     = [
  1,
  2,
]
unify1     = true ? 1 : "x"
unify2     = false ? 1 : "x"
nullval    = null
unify3     = true ? [1] : ["a"]
unify4     = false ? [] : ["a"]
unify5     = true ? { a = 1 } : { a = "x" }
unify6     = true ? "s" : null
num5       = "${1 / 3}"
num6       = 0.1 + 0.2
num7       = "${1e23}"
num8       = 2 / 3 * 3
num9       = -0 == 0
for10      = [for x in { b = 1, a = 2 } : x]
for11      = { for x in [1, 2] : x => x * 2 }
for12      = [for i, x in local.list : "${i}${x}" if i % 2 == 0]
splat9     = local.nullval[*]
splat10    = [1, 2, 3][*]
tpl13      = "%{ if false }a%{ else ~}  b%{ endif }"
tpl14      = "[%{ for x in local.list ~} ${x} %{~ endfor }]"
tpl15      = "${local.map.a + 1}${"nested ${local.list[0]}"}"
heredoc10  = {
  text = <<-EOT
    inside object
    EOT
  after = 1
}
heredoc11  = <<-EOT
      deeper content
    EOT
heredoc12  = <<EOT
  ${local.list[0]}
EOT
bool1      = "true" == true
str5       = "unicode: ${"日本"}"
num10      = 0.1 * 3
num11      = 1.1 * 1.1
num12      = 10 / 4
heredoc13  = <<EOT
content
   EOT
heredoc14  = <<EOT
EOT x is not the marker
EOT
heredoc15  = [<<EOT
in a tuple
EOT
, "after"]
heredoc16  = <<-EOT
    ${local.list[0]}%{ if true } yes%{ endif }
      two
    EOT
heredoc17  = <<EOT_WITH-DASH
x
EOT_WITH-DASH
empty      = []
strnum1    = "1." + 0
strnum2    = "+1" + 0
strnum3    = ".5" + 0
strnum4    = "1.e3" + 0
strbool1   = "1" ? "yes" : "no"
strbool2   = !"0"
