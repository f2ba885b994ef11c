#Requires -Version 7.2
# Get-OciImageHistory on Docker and Podman: steps newest first with their connection, from the pipeline, errors.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix history
    foreach ($c in $docker, $podman) { $null = Invoke-OciPull $Layers -Connection $c -ErrorAction Stop }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciImageHistory' {
    It 'lists the steps of an image on <Name>, newest first, each with its connection' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $steps = @(Get-OciImageHistory $Layers -Connection $c)
        $steps.Count | Should -BeGreaterOrEqual 24
        $steps | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciImageHistory'; $_.Connection | Should -Be $c }
        $steps[0].Id | Should -Be (Get-OciImage $Layers -Connection $c).Id
        $steps[0].CreatedBy | Should -Match 'COPY'
        (Get-TableColumns ($steps | Out-String -Width 200)) | Should -Be @('Image', 'Created', 'Created By', 'Size', 'Comment')
    }

    It 'takes images from Get-OciImage, each from its own engine' {
        $steps = @(Get-OciImage $Layers -Connection $docker, $podman | Get-OciImageHistory)
        @($steps.Connection.Name | Sort-Object -Unique) | Should -Be @('history-docker', 'history-podman')
    }

    It 'a missing image is a non-terminating Oci.ImageNotFound naming it; the next is still read' {
        $missing = "$Registry/none:t-" + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $out = @(Get-OciImageHistory $missing, $Layers -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue)
        $out.Count | Should -BeGreaterThan 0
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.GetOciImageHistory'
        $ev[0].TargetObject | Should -Be $missing
    }

    It 'completes -Id with the tags the engine has' {
        $line = "Get-OciImageHistory -Connection `$docker $Registry/lay"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain $Layers
    }
}
