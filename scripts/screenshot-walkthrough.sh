#!/bin/bash
# The walkthrough's pictures, one per step and language: media/walkthrough/<step>.jpg and <step>.zh-cn.jpg
# (sandbox, account, browse, filter, tag, export), each a screenshot of the real workbench at the default side-bar
# width (300 px) cropped to what the step is about and written as a small JPEG (scripts/crop-jpeg.js).
#   scripts/screenshot-walkthrough.sh en        # the English ones
#   scripts/screenshot-walkthrough.sh zh        # the Chinese ones
# Look at each afterwards: node scripts/crop-jpeg.js media/walkthrough/tag.jpg /tmp/look.png 0,0,894,318
set -e
cd "$(dirname "$0")/.."
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if [ "$1" = zh ]; then
  L=(--locale zh-cn); SUF=.zh-cn; SANDBOX="沙箱"; ADD="云镜像: 添加账号…"; FILTER="云镜像: 筛选镜像…"; FOCUS="Focus on 镜像 View"
  TAG="添加标签…"; EXPORT="云镜像: 导出…"; ACCOUNT="阿里云"; REGION="杭州"; FILTERH=492; EXPORTH=214
else
  L=(); SUF=; SANDBOX="Sandbox"; ADD="Cloud Images: Add Account…"; FILTER="Cloud Images: Filter Images…"; FOCUS="Focus on Images View"
  TAG="Add Tag…"; EXPORT="Cloud Images: Export…"; ACCOUNT="Alibaba"; REGION="Hangzhou"; FILTERH=474; EXPORTH=206
fi
shot() { # shot STEP X,Y,W,H QUALITY start.js-arguments…
  local step=$1 crop=$2 quality=$3; shift 3
  node scripts/start.js --screenshot "$T/$step.png" --sidebar-width 300 "${L[@]}" "$@" >/dev/null 2>&1
  node scripts/crop-jpeg.js "$T/$step.png" "media/walkthrough/$step$SUF.jpg" "$crop" --quality "$quality"
}
shot sandbox 48,34,300,300 75 --expand "$SANDBOX" --settle 1500
shot account 340,30,602,160 75 --step "command:$ADD" --settle 1500
shot browse 48,90,470,600 55 --step hover:api-gateway-v16 --settle 1500
shot filter "48,64,300,$FILTERH" 75 --step "command:$FILTER" --step type:web --step key:Enter --settle 2000
# The click opens the details panel, which takes the focus: the tree gets it back before its context menu opens,
# and wheel:0 moves the mouse off the tree (whose tooltip would cover the picker).
shot tag 48,30,894,318 55 --step click:api-gateway-v16 --step wait:4000 --step "command:$FOCUS" --step key:Shift+F10 \
  --step "clicktext:$TAG" --step wheel:0 --settle 2000
# A long export (CIE_EMULATOR_JOB_MS), started from the palette; the waits let each picker load on a busy machine.
CIE_EMULATOR_JOB_MS=180000 shot export "352,74,680,$EXPORTH" 75 --step "command:$EXPORT" --step wait:1500 --step "type:$ACCOUNT" \
  --step wait:500 --step key:Enter --step wait:1500 --step "type:$REGION" --step wait:500 --step key:Enter --step wait:3000 \
  --step type:api-gateway-v16 --step wait:800 --step key:Enter --step wait:1500 --step type:my-image-exports --step key:Enter \
  --step wait:1500 --step key:Enter --step wait:1500 --step type:qcow2 --step wait:500 --step key:Enter --step wait:20000 \
  --step click:api-gateway-v16 --settle 9000
