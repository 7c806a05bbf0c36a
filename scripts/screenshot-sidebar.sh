#!/bin/bash
# The sidebar at its default width (300 px), for docs/screenshot-sidebar-300.png and its zh-cn twin: the four
# sandbox accounts; Alibaba Cloud ECS with two regions hidden (Show/Hide Regions…), China (Hangzhou) under a
# cloud filter (Custom image) and loaded to the end, China (Ulanqab) loaded to the end (5,000 images); QingCloud
# with two regions hidden, collapsed. Each step drives the real workbench (scripts/vscode-web-run.js --step).
#   scripts/screenshot-sidebar.sh en docs/screenshot-sidebar-300.png
#   scripts/screenshot-sidebar.sh zh docs/screenshot-sidebar-300.zh-cn.png
set -e
cd "$(dirname "$0")/.."
if [ "$1" = zh ]; then
  L=(--locale zh-cn); HEAD="云镜像"; SH="显示/隐藏地域"; LA="加载全部镜像"; FC="在云端筛选…"; ALI="阿里云 ECS"; QC="青云"
  ALIROW="沙箱 · 阿里云 ECS"; HW="沙箱 · 华为云 IMS"
  DE="德国（法兰克福）"; SG="新加坡"; UL="乌兰察布"; HZ="华东1（杭州）"; HZS="杭州"; GD="广东2区"; AP="亚太2区-A"; OWN="自定义"
else
  L=(); HEAD="Cloud Images"; SH="Show/Hide Regions"; LA="Load All Images"; FC="Filter in Cloud…"; ALI="Alibaba Cloud ECS"; QC="QingCloud"
  ALIROW="Sandbox · Alibaba ECS"; HW="Sandbox · Huawei"
  DE="Germany (Frankfurt)"; SG="Singapore"; UL="Ulanqab"; HZ="China (Hangzhou)"; HZS="Hangzhou"; GD="Guangdong 2"; AP="Asia Pacific 2-A"; OWN="Custom"
fi
# Huawei is expanded and collapsed again so that no region row of the others matches a region name the
# Show/Hide picker is clicked at.
node scripts/start.js --screenshot "$2" --sidebar-width 300 "${L[@]}" --expand "$HW" --step "click:$HW" \
  --step "command:$SH" --step "type:$ALI" --step key:Enter --step wait:1500 --step "clicktext:$DE" --step "clicktext:$SG" --step key:Enter \
  --step "command:$SH" --step "type:$QC" --step key:Enter --step wait:1500 --step "clicktext:$GD" --step "clicktext:$AP" --step key:Enter \
  --step "command:$LA" --step "type:$ALI" --step key:Enter --step wait:1000 --step "type:$UL" --step key:Enter --step wait:8000 \
  --step "click:$ALIROW" --step wait:1500 --step "click:$HZ" --step wait:1500 --step "click:$HZ" \
  --step "key:Shift+F10" --step "clicktext:$FC" --step wait:1000 --step "type:$OWN" --step key:Enter --step wait:800 \
  --step key:Enter --step wait:800 --step key:Enter --step wait:800 --step key:Enter --step wait:800 --step key:Enter --step wait:2000 \
  --step "command:$LA" --step "type:$ALI" --step key:Enter --step wait:1000 --step "type:$HZS" --step key:Enter --step wait:4000 \
  --step key:Escape --step "clicktext:$HEAD" --settle 1500
