# Help for Get-OciEvent (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Gets the engine''s events (containers, images, volumes, networks), like docker events.'
    Description   = @(
        'Get-OciEvent outputs an Oci.OciEvent per event: Type (container, image, volume, network), Action (create, start, die, pull, ...), ActorId, Attributes (name, image, exitCode, labels, ...) and Time.'
        'Without -Wait it outputs what happened in a window (-Since, by default all the engine kept, to -Until, by default now) and ends; several engines are read at once. With -Wait it follows one engine''s events as they happen, each written as it arrives, until Ctrl+C (or -Until).'
    )
    Parameters    = @{
        Since      = 'Events from this time on (past events are replayed).'
        Until      = 'Events up to this time; without -Wait the default is now.'
        Type       = 'Only events about these types: container, image, volume, network.'
        Action     = 'Only these actions: create, start, die, stop, pull, tag, ...'
        Label      = 'Only events whose actor has every one of these labels, each key or key=value.'
        Filter     = 'Any other filter of the engine''s, as a hashtable: @{ container = ''web'' }, @{ image = ''alpine'' }.'
        Wait       = 'Follow the events as they happen until Ctrl+C; takes one connection.'
        Connection = 'The engines to read (several at once without -Wait, one with it). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Until = 'Now, without -Wait' }
    Inputs        = @( @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'Connections to read.' } )
    Outputs       = @( @{ Type = 'Oci.OciEvent'; Description = 'One per event, in the engine''s order, with its Connection.' } )
    Notes         = @( 'Errors: Oci.InvalidArgument for a malformed filter, -Until before -Since, or -Wait with several connections. Ctrl+C ends -Wait within a moment.' )
    Examples      = @(
        @{
            Title   = 'What happened in the last hour'
            Code    = @'
PS> Get-OciEvent -Since (Get-Date).AddHours(-1) -Type container
'@
            Remarks = 'Outputs the container events of the last hour and ends.'
        }
        @{
            Title   = 'Watch containers die'
            Code    = @'
PS> Get-OciEvent -Wait -Action die | ForEach-Object { '{0} exited {1}' -f $_.Attributes.name, $_.Attributes.exitCode }
'@
            Remarks = 'Follows the events until Ctrl+C.'
        }
    )
    Links         = @( @{ Text = 'Get-OciDiskUsage' } )
}
