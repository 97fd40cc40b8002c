# Build the Socket Monitor app image and .msi on Windows, without bash.
# (With Git Bash you can use `./mvnw -Pinstaller -DskipTests package` instead.)
#
# Needs: a JDK 17+ with jpackage in JAVA_HOME, and WiX Toolset 3.x
# (candle.exe, light.exe) on PATH, e.g. `winget install WiXToolset.WiXToolset`
# or `choco install wixtoolset`. WiX 4+ is not supported by jpackage 17.
#
# From the project root, in PowerShell:
#   powershell -ExecutionPolicy Bypass -File package\windows\build-msi.ps1
#   powershell -ExecutionPolicy Bypass -File package\windows\build-msi.ps1 -SkipBuild   # reuse target\socket-monitor.jar
#
# Output in target\installer\:
#   Socket Monitor\                 app image (Socket Monitor.exe GUI, socket-monitor.exe console)
#   Socket Monitor-<version>.msi    per-user installer
# Same steps and option files as package/jpackage.sh.
param([switch]$SkipBuild)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Set-Location $root

function Invoke-Tool {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

[xml]$pom = Get-Content -Raw pom.xml
$version = $pom.project.version
if (-not $env:JAVA_HOME) { throw 'Set JAVA_HOME to a JDK 17 or newer (with jpackage).' }
$bin = Join-Path $env:JAVA_HOME 'bin'
foreach ($tool in 'jdeps', 'jlink', 'jpackage') {
    if (-not (Test-Path (Join-Path $bin "$tool.exe"))) { throw "$tool.exe not found in $bin" }
}
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw 'WiX Toolset 3.x (candle.exe, light.exe) must be on PATH to build an .msi.'
}

$jar = 'target\socket-monitor.jar'
$dest = 'target\installer'
if (-not $SkipBuild) { Invoke-Tool '.\mvnw.cmd' @('-B', '-DskipTests', 'package') }
if (-not (Test-Path $jar)) { throw "$jar not found: run .\mvnw.cmd -DskipTests package" }

# 1. Modules: what jdeps finds plus package\jlink-extra-modules.txt.
$feature = '17'
$release = Get-Content (Join-Path $env:JAVA_HOME 'release') | Where-Object { $_ -match '^JAVA_VERSION="(\d+)' }
if ($release -and ($release -match '^JAVA_VERSION="(\d+)')) { $feature = $Matches[1] }
$modules = (& (Join-Path $bin 'jdeps.exe') --print-module-deps --ignore-missing-deps --multi-release $feature $jar | Out-String).Trim()
if ($LASTEXITCODE -ne 0 -or -not $modules) { throw 'jdeps failed' }
$extra = Get-Content package\jlink-extra-modules.txt |
    ForEach-Object { ($_ -replace '#.*', '').Trim() } | Where-Object { $_ }
if ($extra) { $modules = $modules + ',' + ($extra -join ',') }
Write-Host "[build-msi] version $version, modules: $modules"

# 2. Trimmed runtime.
if (Test-Path $dest) { Remove-Item -Recurse -Force $dest }
New-Item -ItemType Directory -Force (Join-Path $dest 'input') | Out-Null
Copy-Item $jar (Join-Path $dest 'input\socket-monitor.jar')
Invoke-Tool (Join-Path $bin 'jlink.exe') @(
    '--add-modules', $modules,
    '--strip-debug', '--no-header-files', '--no-man-pages',
    '--output', (Join-Path $dest 'runtime'))

# 2b. Class-data sharing, as in package/jpackage.sh: the runtime's own java dumps the JDK classes
# named in src\main\cds\socket-monitor.classlist into the runtime's default archive
# (bin\server\classes.jsa), which every start maps instead of loading those classes one by one.
# Then the commands go, as --strip-native-commands would have removed them (bin\ keeps the DLLs).
$runtimeJava = Join-Path $dest 'runtime\bin\java.exe'
$before = $ErrorActionPreference
$ErrorActionPreference = 'Continue'  # a native command's stderr must not end the script here
# Quoted: PowerShell splits a bare argument that starts with - at its first '.'.
& $runtimeJava @('-Xshare:dump', '-XX:+UseG1GC', '-XX:SharedClassListFile=src/main/cds/socket-monitor.classlist', '-Xlog:disable') *> $null
$dumped = ($LASTEXITCODE -eq 0)
$ErrorActionPreference = $before
if ($dumped) { Write-Host '[build-msi] class-data sharing archive made' }
else { Write-Host '[build-msi] no class-data sharing archive (this JDK cannot dump one; the app starts slower)' }
Get-ChildItem (Join-Path $dest 'runtime\bin') -Filter '*.exe' | Remove-Item -Force

# 3. App image. (Quoted: a bare @word is PowerShell splatting.)
$jpackage = Join-Path $bin 'jpackage.exe'
Invoke-Tool $jpackage @(
    '@package/common.options', '@package/app-image.options', '@package/windows/app-image.options',
    '--type', 'app-image', '--app-version', $version,
    '--input', (Join-Path $dest 'input'), '--runtime-image', (Join-Path $dest 'runtime'),
    '--dest', $dest)

# 4. .msi from the app image.
Invoke-Tool $jpackage @(
    '@package/common.options', '@package/windows/package.options',
    '--type', 'msi', '--app-version', $version,
    '--app-image', (Join-Path $dest 'Socket Monitor'),
    '--dest', $dest)
Remove-Item -Recurse -Force (Join-Path $dest 'input'), (Join-Path $dest 'runtime')

Write-Host "[build-msi] built in ${dest}:"
Get-ChildItem $dest | ForEach-Object { Write-Host "[build-msi]   $($_.Name)" }
