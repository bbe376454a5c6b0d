namespace KooPhone.Client.Models
{
    /// <summary>What an instance's pool serves: ListInstances' pool_scene_tag CLOUD_PHONE or CLOUD_APP.</summary>
    public enum PoolScene
    {
        CloudPhone,
        CloudApp,
    }
}
